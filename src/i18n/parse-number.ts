/**
 * The one parser for numbers people type, in bokmål or English, read
 * exactly (as a decimal string, never through a float) in one pass.
 *
 * - bokmål `1 234,5`: groups of three separated by a space, U+00A0 or
 *   U+202F; a decimal comma. A point is refused: "1.200" is 1 200 to some
 *   readers and 1,2 to others.
 * - English `1,234.5`: groups separated by a comma (or a space, as SI
 *   writes them); a decimal point. A comma that does not start a group of
 *   three digits is refused: "1,200" is 1200, "3,5" is no English number.
 *
 * Groups are exact: one separator, then three digits, after a first group
 * of one to three; so "1<100 000 spaces>1" is refused, never read as 11.
 * English groups are all commas or all spaces: "1 000,000" (a bokmål
 * 1000 pasted into the English page) is refused, not read as 1 000 000.
 * A leading "-" or U+2212 is read where negatives are allowed. Problems
 * say what is wrong and where (the position of the character, from 1, in
 * the trimmed text); the text is never longer than MAX_NUMBER_LENGTH.
 *
 * Example: parseNumber("1 234,5", "nb") → { ok: true, decimal: "1234.5" };
 *          parseNumber("1.200", "nb") → point at 2, readings ["1200", "1.2"]
 */
import { Decimal } from "../core/decimal.js";
import type { Lang } from "../case/messages.js";

/** Longest text read as a number (a number field; a quantity has its own, see core/units.ts). */
export const MAX_NUMBER_LENGTH = 100;

export type NumberProblem =
  | { code: "empty" }
  | { code: "too-long"; limit: number }
  | { code: "negative" }
  /**
   * "point": a point in bokmål; "comma": in English, a comma that does not
   * start a group of three. `readings` are the numbers it could mean, as
   * plain decimals ("1.200" → "1200", "1.2").
   */
  | { code: "point" | "comma"; at: number; readings: string[] }
  /** A group separator not between groups of three digits ("1 1", "12 34", "1 2345"). */
  | { code: "group"; at: number }
  /** A character that has no place in a number (a letter, a second decimal sign). */
  | { code: "character"; at: number; character: string };

export type NumberParse = { ok: true; decimal: string } | { ok: false; problem: NumberProblem };

export type NumberOptions = { allowNegative?: boolean };

const SPACES = new Set([" ", "\u00a0", "\u202f"]);
const MINUS = new Set(["-", "\u2212"]);

type Style = { decimal: string; groups: ReadonlySet<string>; stray: string };
const STYLES: Record<Lang, Style> = {
  nb: { decimal: ",", groups: SPACES, stray: "." },
  en: { decimal: ".", groups: new Set([",", ...SPACES]), stray: "" },
};

const isDigit = (c: string) => c >= "0" && c <= "9";

/** Reads `text` as a number written the `lang` way. */
export function parseNumber(text: string, lang: Lang, options: NumberOptions = {}): NumberParse {
  if (text.length > MAX_NUMBER_LENGTH) return fail({ code: "too-long", limit: MAX_NUMBER_LENGTH });
  const t = text.trim();
  if (t === "") return fail({ code: "empty" });
  const read = scan(t, STYLES[lang]);
  if ("code" in read) {
    if (read.code === "point" || read.code === "comma") return fail({ code: read.code, at: read.at, readings: readingsOf(t, read.code) });
    return fail(read);
  }
  const decimal = plain(read);
  if (decimal.startsWith("-") && !options.allowNegative) return fail({ code: "negative" });
  return { ok: true, decimal };
}

const fail = (problem: NumberProblem): NumberParse => ({ ok: false, problem });

type Scanned = { negative: boolean; digits: string };
type ScanProblem = { code: "point"; at: number } | { code: "comma"; at: number } | { code: "group"; at: number } | { code: "character"; at: number; character: string };

/**
 * One pass over the trimmed text: sign, integer groups, decimal sign,
 * fraction digits. `digits` is the number without separators ("1234.5").
 */
function scan(t: string, style: Style): Scanned | ScanProblem {
  let i = MINUS.has(t[0]!) ? 1 : 0;
  const negative = i === 1;
  let integer = "";
  let group = 0; // digits since the last separator
  let separator = -1; // index of the last separator
  for (; i < t.length; i++) {
    const c = t[i]!;
    if (isDigit(c)) {
      integer += c;
      if (++group > 3 && separator >= 0) return groupProblem(t, separator, style);
    } else if (style.groups.has(c)) {
      // a separator closes a group (the first of 1–3 digits, every later one of exactly 3) and opens one
      const closes = separator >= 0 ? group === 3 : group >= 1 && group <= 3;
      if (!closes) return groupProblem(t, separator >= 0 && group !== 3 ? separator : i, style);
      // one kind of separator per number: English "1 000,000" mixes SI spaces with commas (nb-NO's 1 000,000 is 1000)
      if (separator >= 0 && (t[separator] === ",") !== (c === ",")) return groupProblem(t, t[i] === "," ? i : separator, style);
      if (!isDigit(t[i + 1] ?? "")) return groupProblem(t, i, style);
      separator = i;
      group = 0;
    } else break;
  }
  if (separator >= 0 && group !== 3) return groupProblem(t, separator, style);
  let fraction = "";
  if (i < t.length && t[i] === style.decimal) {
    for (i++; i < t.length && isDigit(t[i]!); i++) fraction += t[i];
    if (fraction === "") return { code: "character", at: i, character: style.decimal };
  }
  if (i < t.length) {
    const c = t[i]!;
    if (c === style.stray) return { code: "point", at: i + 1 };
    if (c === "," && style.decimal === ".") return { code: "comma", at: i + 1 };
    return { code: "character", at: i + 1, character: c };
  }
  if (integer === "" && fraction === "") return { code: "character", at: t.length, character: t[t.length - 1]! };
  return { negative, digits: `${integer === "" ? "0" : integer}${fraction === "" ? "" : `.${fraction}`}` };
}

/** The separator at `index` does not sit between groups of three; in English a misplaced comma is told apart. */
function groupProblem(t: string, index: number, style: Style): ScanProblem {
  return t[index] === "," && style.decimal === "." ? { code: "comma", at: index + 1 } : { code: "group", at: index + 1 };
}

/**
 * The numbers a refused "." (bokmål) or "," (English) could have meant:
 * the separator as a group separator, and, where there is only one, as
 * the decimal sign. "1.200" → ["1200", "1.2"]; "1.5" → ["1.5"]; "3,5" → ["3.5"].
 */
function readingsOf(t: string, code: "point" | "comma"): string[] {
  const sign = code === "point" ? "." : ",";
  const style = STYLES[code === "point" ? "nb" : "en"];
  const readings: string[] = [];
  const asGroups = scan(t.split(sign).join(" "), style);
  if (!("code" in asGroups)) readings.push(plain(asGroups));
  if (t.indexOf(sign) === t.lastIndexOf(sign) && !t.includes(style.decimal)) {
    const asDecimal = scan(t.replace(sign, style.decimal), style);
    if (!("code" in asDecimal)) readings.push(plain(asDecimal));
  }
  return [...new Set(readings)];
}

function plain(read: Scanned): string {
  const value = new Decimal(`${read.negative ? "-" : ""}${read.digits}`);
  return value.isZero() ? "0" : value.toFixed();
}
