/**
 * A number in a case file written the way people write numbers, not the
 * way the format does ("1 200 l", "1,5 l"): the problem says how to write
 * it. The readings come from the one number parser (src/i18n/parse-number.ts):
 * the number as bokmål writes it and as English writes it; where they
 * differ ("1,200": 1.2 or 1200) both are offered.
 *
 * Example: "1 200 l" → number-format, write "1200 l";
 *          "1,200 l" → number-format-ambiguous, write "1200 l" or "1.2 l"
 */
import type { WrittenNumber } from "../core/units.js";
import { parseNumber } from "../i18n/parse-number.js";
import type { Problem } from "./messages.js";

export function numberFormatProblem(path: string, value: string, written: WrittenNumber): Problem {
  const readings = new Set<string>();
  for (const lang of ["en", "nb"] as const) {
    const parsed = written.number === "" ? null : parseNumber(written.number, lang, { allowNegative: true });
    if (parsed?.ok) readings.add(parsed.decimal);
  }
  const [suggestion, alternative] = [...readings].map((r) => (written.rest === "" ? r : `${r} ${written.rest}`));
  if (suggestion === undefined) return { path, code: "number-format-unreadable", params: { value } };
  if (alternative === undefined) return { path, code: "number-format", params: { value, suggestion } };
  return { path, code: "number-format-ambiguous", params: { value, suggestion, alternative } };
}
