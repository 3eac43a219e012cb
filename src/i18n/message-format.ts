/**
 * Every text with placeholders is an ICU MessageFormat message, formatted
 * by intl-messageformat: `{name}` is filled as given, and
 * `{count, plural, one {# sak} other {# saker}}` picks the form by the
 * language's plural rules (CLDR), with `#` written as the language writes
 * numbers ("1 200" in bokmål, "1,200" in English).
 *
 * Two habits of the callers are kept, so a message never fails to show:
 * a missing parameter is written as nothing, and a count given as text is
 * read back as a number ("1 200" → 1200). A count that is not a number at
 * all (the "{count}" a browser script fills in later) takes the `other`
 * form with `#` written as given.
 *
 * Example: formatMessage("en", "{n, plural, one {# year} other {# years}}", { n: 1 }) → "1 year"
 */
import { IntlMessageFormat } from "intl-messageformat";
import type { Lang } from "../case/messages.js";

export type MessageParams = Record<string, string | number | undefined>;

const LOCALES: Record<Lang, string> = { nb: "nb-NO", en: "en-GB" };

/** Compiled messages by language and text; the texts come from the code, so the map stays small. */
const compiled: Record<Lang, Map<string, IntlMessageFormat>> = { nb: new Map(), en: new Map() };

function compile(lang: Lang, template: string): IntlMessageFormat {
  let message = compiled[lang].get(template);
  if (!message) {
    message = new IntlMessageFormat(template, LOCALES[lang], undefined, { ignoreTag: true });
    compiled[lang].set(template, message);
  }
  return message;
}

/** The names used as plural selectors in `template` ("{count, plural, …}"). */
const PLURAL_SELECTOR = /\{\s*(\w+)\s*,\s*plural\s*,/g;

/**
 * The number a count stands for, as the language writes it ("1 200" and
 * "1,5" in bokmål, "1,200" and "1.5" in English); NaN for text that is no number.
 */
function countOf(value: string | number, lang: Lang): number {
  if (typeof value === "number") return value;
  const compact = value.replace(/[\s\u00a0\u202f]/g, "").replace(/^\u2212/, "-");
  const plain = lang === "nb" ? compact.replace(",", ".") : compact.replace(/,(?=\d{3}(\D|$))/g, "");
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
}

/** A count no text uses, standing in for a count that is not a number, so `other` is chosen. */
const STAND_IN = 987654321;

export function formatMessage(lang: Lang, template: string, params: MessageParams = {}): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) if (value !== undefined) values[name] = value;
  const placeholders: [string, string][] = [];
  for (const [, name] of template.matchAll(PLURAL_SELECTOR)) {
    const given = values[name!] ?? "";
    const count = countOf(given, lang);
    if (Number.isNaN(count)) {
      placeholders.push([new Intl.NumberFormat(LOCALES[lang]).format(STAND_IN), String(given)]);
      values[name!] = STAND_IN;
    } else values[name!] = count;
  }
  // a missing parameter is written as nothing rather than failing the whole text
  const lenient = new Proxy(values, { has: () => true, get: (target, name: string) => (Object.hasOwn(target, name) ? target[name] : "") });
  let text = String(compile(lang, template).format(lenient));
  for (const [standIn, given] of placeholders) text = text.split(standIn).join(given);
  return text;
}
