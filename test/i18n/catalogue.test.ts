/**
 * The one text catalogue: both languages have every key in every area,
 * every text is a well-formed ICU message with the same placeholders in
 * both languages, every {{t "key"}} in a page template names a key, and
 * the glossary's terms are the ones the texts use.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { catalogueAreas, catalogueKeys, isMessageKey, messageTemplate, text, type MessageKey } from "../../src/i18n/catalogue.js";
import { GLOSSARY } from "../../src/i18n/glossary.js";

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; children?: Element[] };

/** The argument names a message uses, plural and select included. */
function argumentsOf(elements: Element[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    // 0 literal, 7 pound (#): no argument of their own
    if (e.type !== 0 && e.type !== 7 && e.value !== undefined) into.add(e.value);
    for (const option of Object.values(e.options ?? {})) argumentsOf(option.value, into);
    if (e.children) argumentsOf(e.children, into);
  }
  return into;
}

const astOf = (template: string, locale: string) => new IntlMessageFormat(template, locale, undefined, { ignoreTag: true }).getAst() as Element[];

describe("the text catalogue", () => {
  it("has every key of every area in both languages", () => {
    for (const area of catalogueAreas()) expect(Object.keys(area.en).sort()).toEqual(Object.keys(area.nb).sort());
    expect(catalogueKeys("en").sort()).toEqual(catalogueKeys("nb").sort());
  });

  it("holds no key twice across areas (a later area would hide an earlier one's text)", () => {
    const seen = new Map<string, number>();
    catalogueAreas().forEach((area, index) => {
      for (const key of Object.keys(area.nb)) {
        expect(seen.has(key), `${key} is in areas ${seen.get(key)} and ${index}`).toBe(false);
        seen.set(key, index);
      }
    });
  });

  it("has only well-formed ICU messages, with the same placeholders in bokmål and English", () => {
    const differing: string[] = [];
    for (const key of catalogueKeys("nb") as MessageKey[]) {
      const nb = argumentsOf(astOf(messageTemplate("nb", key)!, "nb-NO"));
      const en = argumentsOf(astOf(messageTemplate("en", key)!, "en-GB"));
      if ([...nb].sort().join() !== [...en].sort().join()) differing.push(`${key}: nb {${[...nb].join(", ")}} en {${[...en].join(", ")}}`);
    }
    expect(differing).toEqual([]);
  });

  it("names a key in every {{t \"…\"}} of the page templates", () => {
    const missing: string[] = [];
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".hbs") ? [join(dir, e.name)] : []));
    for (const file of walk("views")) {
      for (const [, key] of readFileSync(file, "utf8").matchAll(/\{\{\s*t\s+"([^"]+)"/g)) if (!isMessageKey(key!)) missing.push(`${file}: ${key}`);
    }
    expect(missing).toEqual([]);
  });

  it("formats problems, warnings and the command line's words from the same catalogue", () => {
    expect(text("nb", "problem.required")).toBe("må fylles ut");
    expect(text("en", "cli.table.year", { year: "4" })).toBe("year 4");
    expect(text("en", "warning.never-occurs", { every: "12", years: 1 })).toContain("1 year:");
  });
});

describe("the glossary", () => {
  const all = (lang: "nb" | "en") => catalogueKeys(lang).map((key) => messageTemplate(lang, key as MessageKey)!.toLowerCase());

  it("is the vocabulary the texts use: each term appears, and none of the words it replaces", () => {
    for (const lang of ["nb", "en"] as const) {
      const texts = all(lang);
      const found: string[] = [];
      for (const entry of GLOSSARY) {
        expect(texts.some((t) => t.includes(entry[lang].toLowerCase())), `${lang}: «${entry[lang]}» is used nowhere`).toBe(true);
        for (const avoided of entry.avoid[lang]) {
          const word = new RegExp(`(^|[^\\p{L}])${avoided.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u");
          for (const t of texts) if (word.test(t)) found.push(`${lang}: «${avoided}» (say «${entry[lang]}»): ${t.slice(0, 80)}`);
        }
      }
      expect(found).toEqual([]);
    }
  });

  it("is written out for people in docs/glossary.md, term for term", () => {
    const doc = readFileSync("docs/glossary.md", "utf8");
    for (const entry of GLOSSARY) {
      expect(doc).toContain(entry.nb);
      expect(doc).toContain(entry.en);
    }
  });
});
