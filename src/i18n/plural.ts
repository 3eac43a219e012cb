/**
 * Plural forms in interface text, by the language's plural rules
 * (Intl.PluralRules, CLDR): a template may hold the ICU MessageFormat
 * selector `{name, plural, one {# year} other {# years}}`, where `#` stands
 * for the value as given. Only `one` and `other` are used: bokmål and
 * English have no other cardinal categories.
 *
 * Example: pluralize("{years, plural, one {# year} other {# years}}", { years: 1 }, "en") → "1 year".
 */
import type { Lang } from "../case/messages.js";

const RULES: Record<Lang, Intl.PluralRules> = { nb: new Intl.PluralRules("nb-NO"), en: new Intl.PluralRules("en-GB") };
const SELECTOR = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

/** The number a parameter stands for ("1 200" → 1200); NaN for a placeholder such as "{count}". */
function numberOf(value: string | number): number {
  if (typeof value === "number") return value;
  const digits = value.replace(/[\s\u00a0\u202f,]/g, "");
  return /^-?\d+(\.\d+)?$/.test(digits) ? Number(digits) : Number.NaN;
}

/** Resolves every plural selector of `template`; other placeholders are left for the caller to fill. */
export function pluralize(template: string, params: Record<string, string | number | undefined>, lang: Lang): string {
  return template.replace(SELECTOR, (_, name: string, one: string, other: string) => {
    const value = params[name] ?? "";
    const n = numberOf(value);
    const form = Number.isNaN(n) || RULES[lang].select(n) !== "one" ? other : one;
    return form.replace(/#/g, String(value));
  });
}
