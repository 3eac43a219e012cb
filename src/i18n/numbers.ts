/**
 * Numbers as pages, exports and the CLI table write them: in bokmål
 * `1 234,5` with U+00A0 groups and the U+2212 minus sign (what
 * Intl.NumberFormat('nb-NO') writes), in English `1,234.5`. The one
 * parser that reads numbers people type is parse-number.ts.
 *
 * Example: formatNumber(-1234.5, "nb", 1) → "−1 234,5"
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
