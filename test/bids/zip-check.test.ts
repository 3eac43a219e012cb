/**
 * The look into an upload's zip container before its cells are read:
 * macros (a vbaProject part, macro sheets, the macro-enabled content type),
 * links to other files, bytes that are no zip, too many parts, too large.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { BID_LIMIT_BYTES, MAX_PARTS, zipRefusal } from "../../src/bids/zip-check.js";

const SHEET_TYPE = '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>';
const MACRO_TYPE = '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>';

async function zipOf(parts: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
const workbook = (types = SHEET_TYPE, more: Record<string, string> = {}) => zipOf({ "[Content_Types].xml": `<Types>${types}</Types>`, "xl/workbook.xml": "<workbook/>", ...more });

describe("zipRefusal", () => {
  it("lets a plain workbook through", async () => {
    expect(zipRefusal(await workbook())).toBeNull();
  });
  it("refuses macros: a vbaProject part, a macro sheet, or the macro-enabled content type of an .xlsm", async () => {
    expect(zipRefusal(await workbook(SHEET_TYPE, { "xl/vbaProject.bin": "x" }))).toEqual({ code: "file-macros", params: { part: "xl/vbaProject.bin" } });
    expect(zipRefusal(await workbook(SHEET_TYPE, { "xl/macrosheets/sheet1.xml": "x" }))?.code).toBe("file-macros");
    expect(zipRefusal(await workbook(MACRO_TYPE))).toEqual({ code: "file-macros", params: { part: "[Content_Types].xml" } });
  });
  it("refuses links to other files", async () => {
    expect(zipRefusal(await workbook(SHEET_TYPE, { "xl/externalLinks/externalLink1.xml": "<externalLink/>" }))).toEqual({ code: "file-external-links", params: { part: "xl/externalLinks/externalLink1.xml" } });
  });
  it("refuses what is no workbook, too many parts, too many bytes", async () => {
    expect(zipRefusal(Buffer.from("a,b\n1,2\n"))?.code).toBe("file-not-xlsx");
    expect(zipRefusal(await zipOf({ "word/document.xml": "<w/>" }))?.code).toBe("file-not-xlsx");
    const many = Object.fromEntries(Array.from({ length: MAX_PARTS + 1 }, (_, i) => [`xl/media/p${i}.txt`, ""]));
    expect(zipRefusal(await workbook(SHEET_TYPE, many))).toEqual({ code: "file-too-many-parts", params: { limit: String(MAX_PARTS) } });
    expect(zipRefusal(Buffer.alloc(BID_LIMIT_BYTES + 1))?.code).toBe("file-too-large");
    // 50 MB of zeros pack to a few kilobytes: refused by the sizes the directory declares, without unpacking.
    const bomb = await workbook(SHEET_TYPE, { "xl/worksheets/sheet1.xml": "0".repeat(50 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(BID_LIMIT_BYTES);
    expect(zipRefusal(bomb)?.code).toBe("file-unpacked-too-large");
  });
  it("refuses a directory that understates a part's size", async () => {
    const zip = await workbook(SHEET_TYPE, { "xl/worksheets/sheet1.xml": "0".repeat(100_000) });
    const at = zip.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]), zip.lastIndexOf(Buffer.from("xl/worksheets/sheet1.xml")) - 46);
    zip.writeUInt32LE(10, at + 24);
    expect(zipRefusal(zip)?.code).toBe("file-unpacked-too-large");
  });
});
