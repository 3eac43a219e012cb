/**
 * Download file names from case titles: a title is user text, and a file
 * name is shown by the browser and the file manager, so invisible bidi
 * controls ("rapport\u202Efdp.exe" shows as "rapportexe.pdf"), control
 * characters and half surrogate pairs never reach it; æøå do, in RFC 5987
 * `filename*`, and the ASCII `filename` spells them out.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentDisposition, fileTitle } from "../../../src/web/exports/download.js";

/** Every bidi control Unicode defines (embeddings, overrides, isolates, marks). */
const BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"];
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/** The UTF-8 name a browser saves under: filename* decoded. */
const savedName = (disposition: string) => decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!);

describe("download file names", () => {
  it.each(BIDI.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`, c]))("%s is taken out of the name, the letters around it kept", (_name, control) => {
    expect(fileTitle(`Møbler${control}fdp.exe`)).toBe("Møblerfdp.exe");
    expect(savedName(contentDisposition(`Rapport ${control}æøå`, "pdf"))).toBe("Rapport æøå.pdf");
  });

  it("an override cannot turn the extension around: «Faktura<U+202E>fdp.exe» is saved as «Fakturafdp.exe.pdf»", () => {
    const disposition = contentDisposition("Faktura\u202efdp.exe", "pdf");
    expect(disposition).toBe("attachment; filename=\"faktura-fdp-exe.pdf\"; filename*=UTF-8''Fakturafdp.exe.pdf");
  });

  it("control characters (C0, DEL, C1) and line separators become one space; path separators too", () => {
    expect(fileTitle("Kontor\tstoler\r\n\u0085\u009b/\\ rådhuset\u2028Ås\u0000")).toBe("Kontor stoler rådhuset Ås");
  });

  it("keeps æøå ÆØÅ in filename* and spells them out in the ASCII filename", () => {
    expect(contentDisposition("Blåbær på Ås, Øyer", "csv")).toBe("attachment; filename=\"blabaer-pa-as-oyer.csv\"; filename*=UTF-8''Bl%C3%A5b%C3%A6r%20p%C3%A5%20%C3%85s%2C%20%C3%98yer.csv");
  });

  it("a title of only invisible characters is named «kalkyle»", () => {
    expect(contentDisposition("\u202e\u2066\u200f", "xlsx")).toBe("attachment; filename=\"kalkyle.xlsx\"; filename*=UTF-8''kalkyle.xlsx");
  });

  it("half a surrogate pair, or an emoji cut at the 120-character limit, leaves a valid UTF-8 name (no URIError)", () => {
    expect(savedName(contentDisposition("Stoler \ud800 og bord", "csv"))).toBe("Stoler og bord.csv");
    const atLimit = `${"a".repeat(119)}😀 til slutt`;
    expect(fileTitle(atLimit)).toBe(`${"a".repeat(119)}😀`);
    expect(() => contentDisposition(atLimit, "pdf")).not.toThrow();
  });

  it("for any title, the name saved has no invisible or control character and at most 120 characters before the extension", () => {
    const pieces = fc.oneof(fc.string({ unit: "grapheme" }), fc.constantFrom(...BIDI, "\u0000", "\u0085", "\u2028", "æ", "ø", "å", "😀", "\ud800", "\udc00"), fc.string({ unit: "binary" }));
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const disposition = contentDisposition(parts.join(""), "csv");
        expect(disposition).toMatch(/^attachment; filename="[a-z0-9-]+\.csv"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+\.csv$/);
        const saved = savedName(disposition);
        expect(saved).not.toMatch(INVISIBLE);
        expect([...saved.slice(0, -".csv".length)].length).toBeLessThanOrEqual(120);
      }),
      { seed: 20260, numRuns: 500 },
    );
  });
});
