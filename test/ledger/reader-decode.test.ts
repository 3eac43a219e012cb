import { describe, expect, it } from "vitest";
import { decodeWindows1252, detectDelimiter, detectEncoding, LedgerDecoder } from "../../src/ledger/decode.js";
import { RecordGuard, TOO_LONG_MARKER, UNCLOSED_MARKER } from "../../src/ledger/record-guard.js";

/** Decodes `bytes` cut into chunks at `cuts`. */
function decodeInChunks(bytes: Buffer, cuts: number[]): { text: string; encoding: string } {
  const decoder = new LedgerDecoder();
  let text = "";
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    text += decoder.write(bytes.subarray(from, cut));
    from = cut;
  }
  return { text: text + decoder.end(), encoding: decoder.encoding };
}

describe("encoding", () => {
  it("tells a BOM, UTF-8 and Windows-1252 apart from the first bytes", () => {
    expect(detectEncoding(Buffer.from("\ufeffLeverandør;Beløp", "utf8"))).toBe("utf-8-bom");
    expect(detectEncoding(Buffer.from("Leverandør;Beløp", "utf8"))).toBe("utf-8");
    expect(detectEncoding(Buffer.from("Leverandør;Beløp", "latin1"))).toBe("windows-1252");
    // a head cut inside "ø" (C3 | B8) is still UTF-8
    expect(detectEncoding(Buffer.from("Leverandø", "utf8").subarray(0, -1))).toBe("utf-8");
  });
  it("reads Windows-1252's 0x80–0x9F as WHATWG does (Node 20's TextDecoder reads them as C1 controls)", () => {
    expect(decodeWindows1252(Buffer.from([0x80, 0x20, 0x96, 0x20, 0x93, 0x94, 0xf8]))).toBe("€ – “”ø");
  });
  it("reads a Windows-1252 «Leverandør» right, even when its first ø comes after a long ASCII head", () => {
    const bytes = Buffer.concat([Buffer.from("x".repeat(100_000) + "\n"), Buffer.from("Leverandør;Beløp\n", "latin1")]);
    const { text, encoding } = decodeInChunks(bytes, [65_536]);
    expect(encoding).toBe("windows-1252");
    expect(text.endsWith("Leverandør;Beløp\n")).toBe(true);
  });
  it("joins a UTF-8 «ø» cut between two chunks, at every cut", () => {
    const bytes = Buffer.from("Bærum;Søppel;Ørsta\n", "utf8");
    for (let cut = 1; cut < bytes.length; cut++) expect(decodeInChunks(bytes, [cut]).text).toBe("Bærum;Søppel;Ørsta\n");
  });
  it("takes a BOM away, even when it is cut across chunks", () => {
    const bytes = Buffer.from("\ufeffÅr;Beløp\n", "utf8");
    expect(decodeInChunks(bytes, [1, 2]).text).toBe("År;Beløp\n");
    expect(decodeInChunks(bytes, [1, 2]).encoding).toBe("utf-8-bom");
  });
  it("waits for the next chunk when a chunk ends on its first non-ASCII byte", () => {
    const bytes = Buffer.from("abc;Bø;x\n", "latin1");
    const cut = bytes.indexOf(0xf8) + 1;
    expect(decodeInChunks(bytes, [cut])).toEqual({ text: "abc;Bø;x\n", encoding: "windows-1252" });
  });
});

describe("delimiter", () => {
  it("counts ; , and tab outside quotes; a tie goes to ;", () => {
    expect(detectDelimiter("År;Konto;Beløp")).toBe(";");
    expect(detectDelimiter("Year,Account,Amount")).toBe(",");
    expect(detectDelimiter("År\tKonto\tBeløp")).toBe("\t");
    expect(detectDelimiter('År;"Beløp, NOK, inkl. mva";Konto')).toBe(";");
    expect(detectDelimiter("a;b,c")).toBe(";");
  });
});

describe("RecordGuard: whole records only, none too long", () => {
  it("holds back a record until it is whole, also across a quoted line break", () => {
    const guard = new RecordGuard(";");
    expect(guard.push('1;"a\n')).toBe("");
    expect(guard.push('b";2\n3;')).toBe('1;"a\nb";2\n');
    expect(guard.end("4")).toBe("3;4");
  });
  it("reads a quote inside an unquoted field as a character, as csv-parse's relax_quotes does", () => {
    const guard = new RecordGuard(";");
    expect(guard.push('1;5" skjerm;2\n3;4\n')).toBe('1;5" skjerm;2\n3;4\n');
  });
  it("replaces a record longer than the limit by a marker and goes on at the next line break", () => {
    const guard = new RecordGuard(";", 10);
    expect(guard.push("1;2\n" + "x".repeat(25) + "\n3;4\n")).toBe(`1;2\n${TOO_LONG_MARKER}\n3;4\n`);
    const unclosed = new RecordGuard(";", 10);
    expect(unclosed.push('1;"never closed' + "\n5;6\n")).toBe(`${TOO_LONG_MARKER}\n5;6\n`);
  });
  it("marks a quote still open at the end of the file", () => {
    const guard = new RecordGuard(";");
    expect(guard.push('1;2\n3;"open\n')).toBe("1;2\n");
    expect(guard.end()).toBe(`${UNCLOSED_MARKER}\n`);
  });
  it("keeps CR LF and a lone CR as line ends", () => {
    const guard = new RecordGuard(";");
    expect(guard.push("1;2\r")).toBe("1;2\r");
    expect(guard.push("\n3;4\r5;6\r\n")).toBe("\n3;4\r5;6\r\n");
  });
});
