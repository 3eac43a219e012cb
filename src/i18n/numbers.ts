/**
 * Norwegian numbers: `1 234,5` with U+00A0 as the group separator and
 * U+2212 as the minus sign (what Intl.NumberFormat('nb-NO') writes), and
 * the one parser that reads them back (also with plain spaces, "-" and a
 * decimal point when there is no comma).
 *
 * Example: formatNumber(-1234.5, "nb", 1) → "−1 234,5"; parseNorwegianNumber("1 234,5") → 1234.5
 */
import type { Lang } from "../case/messages.js";

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "nb" ? "nb-NO" : "en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: "negative" });
    formatters.set(key, f);
  }
  return f;
}

export function formatNumber(value: number, lang: Lang, decimals = 0): string {
  return formatter(lang, decimals).format(value);
}

const GROUPS = /[\s\u00a0\u202f]/g;

/** The number written, or null. "1.234,5" (dot grouping) is refused as ambiguous. */
export function parseNorwegianNumber(text: string): number | null {
  let t = text.trim().replace(/\u2212/g, "-").replace(GROUPS, "");
  if (t === "" || t.length > 40) return null;
  if (t.includes(",")) {
    if (t.includes(".") || t.indexOf(",") !== t.lastIndexOf(",")) return null;
    t = t.replace(",", ".");
  }
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}
