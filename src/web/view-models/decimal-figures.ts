/**
 * Decimal texts the application layer computed ("1234.5678", tonnes CO2e,
 * NOK, a share) written the way each language writes numbers, without
 * turning them into binary floats first: Intl.NumberFormat reads the text
 * as an exact decimal and rounds it only for the page (half away from
 * zero), so a figure shown is the kept figure rounded, never a float's.
 *
 * Example: formatDecimalText("12345.65", "nb", 1) → "12 345,7"; formatShare("0.4567", "en", 1) → "45.7%"
 */
import type { Lang } from "../../case/messages.js";

const LOCALES: Record<Lang, string> = { nb: "nb-NO", en: "en-GB" };
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, decimals: number, style: "decimal" | "percent"): Intl.NumberFormat {
  const key = `${lang}:${decimals}:${style}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(LOCALES[lang], { style, minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: "negative" });
    formatters.set(key, found);
  }
  return found;
}

/** A decimal text as the language writes it, rounded to `decimals` places for the page; "–" for text that is no number. */
export function formatDecimalText(value: string, lang: Lang, decimals = 0): string {
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)) return "–";
  return formatter(lang, decimals, "decimal").format(value as `${number}`);
}

/** A share kept as a fraction ("0.4567") as a percentage ("45,7 %" in bokmål, "45.7%" in English). */
export function formatShare(value: string, lang: Lang, decimals = 1): string {
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value)) return "–";
  return formatter(lang, decimals, "percent").format(value as `${number}`);
}
