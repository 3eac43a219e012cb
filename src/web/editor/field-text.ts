/**
 * The shapes of the editor's free-text fields around a number: an amount
 * with its currency ("180 000 kr"), an own carbon price entry ("2026:
 * 1 500 kr/t"), an inline factor ("1,55 kgCO2e/kg"). Read by trimming and
 * comparing ends, never with a regular expression that could backtrack,
 * so each takes one pass over the text whatever it holds.
 *
 * Example: withoutCurrency("180 000 kr") → "180 000";
 *          yearAndPrice("2026: 1 500") → { year: "2026", price: "1 500" }
 */
/** "1,55 kgCO2e/kg": the text before the first "/" ends in "CO2" or "CO2e" (any case). */
export function isInlineFactor(t: string): boolean {
  const slash = t.indexOf("/");
  if (slash <= 0) return false;
  const top = t.slice(0, slash).trimEnd().toLowerCase();
  return top.endsWith("co2") || top.endsWith("co2e");
}

/** "2026: 1 500 kr" → year "2026", price "1 500 kr"; "=" works as ":". Null when the entry is not so written. */
export function yearAndPrice(entry: string): { year: string; price: string } | null {
  const year = entry.slice(0, 4);
  if (year.length !== 4 || ![...year].every((c) => c >= "0" && c <= "9")) return null;
  const rest = entry.slice(4).trimStart();
  if (rest[0] !== ":" && rest[0] !== "=") return null;
  const price = rest.slice(1).trim();
  return price === "" ? null : { year, price };
}

/**
 * The amount without a currency after it: "180 000 kr" → "180 000"; also
 * "kr.", "NOK", and with `perTonne` "kr/t", "NOK / tonn", "kr/tonne".
 * Trims and compares ends only, so it takes one pass whatever the text.
 */
export function withoutCurrency(text: string, options: { perTonne?: boolean } = {}): string {
  let t = text.trimEnd();
  if (options.perTonne) {
    const lower = t.toLowerCase();
    const tonne = ["tonne", "tonn", "t"].find((w) => lower.endsWith(w));
    const beforeSlash = tonne === undefined ? "" : t.slice(0, t.length - tonne.length).trimEnd();
    if (beforeSlash.endsWith("/")) t = beforeSlash.slice(0, -1).trimEnd();
    else if (tonne !== undefined) return text;
  }
  const lower = t.toLowerCase();
  const currency = ["kr.", "kr", "nok"].find((c) => lower.endsWith(c));
  return currency === undefined ? t : t.slice(0, t.length - currency.length).trimEnd();
}

