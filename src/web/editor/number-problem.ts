/**
 * A number the parser refused (src/i18n/parse-number.ts), as a problem on
 * the editor's field: its code names the text `editor.problem.<code>`, its
 * params say what is wrong and where, and for a refused "." or "," the
 * numbers it could have meant, written the user's way.
 *
 * Example (bokmål): "1.200" → number-point, at 2, suggestions «1 200» eller «1,2»
 */
import type { Lang } from "../../case/messages.js";
import type { NumberProblem } from "../../i18n/parse-number.js";
import { editableDecimal } from "./numbers.js";

export type NumberFormProblem = {
  code: "not-a-number" | "too-long" | "number-point" | "number-comma" | "number-group" | "number-character" | "number-negative" | "number-empty";
  params: Record<string, string>;
};

const QUOTE: Record<Lang, [string, string]> = { nb: ["«", "»"], en: ["“", "”"] };
const OR: Record<Lang, string> = { nb: " eller ", en: " or " };
/** Said where a refused "." or "," has no reading to suggest. */
const HOW_TO_WRITE: Record<Lang, string> = {
  nb: "desimaler med komma og tusener med mellomrom, f.eks. «1 200,5»",
  en: "decimals with a point and thousands with commas, e.g. “1,200.5”",
};

/** «1 200» eller «1,2» / "1,200" or "1.2". */
function suggestions(readings: string[], lang: Lang): string {
  const [open, close] = QUOTE[lang];
  const quoted = readings.map((r) => `${open}${editableDecimal(r, { lang })}${close}`);
  return quoted.length > 0 ? quoted.join(OR[lang]) : HOW_TO_WRITE[lang];
}

export function numberFormProblem(raw: string, problem: NumberProblem, lang: Lang): NumberFormProblem {
  const value = problem.code === "too-long" ? "" : raw.trim();
  // text without a digit ("abc") is simply not a number: where a character goes wrong says nothing more
  if (problem.code === "character" && !/[0-9]/.test(value)) return { code: "not-a-number", params: { value } };
  switch (problem.code) {
    case "too-long":
      return { code: "too-long", params: { limit: String(problem.limit), length: String(raw.length) } };
    case "point":
    case "comma":
      return { code: `number-${problem.code}`, params: { value, at: String(problem.at), suggestions: suggestions(problem.readings, lang) } };
    case "group":
      return { code: "number-group", params: { value, at: String(problem.at) } };
    case "character":
      return { code: "number-character", params: { value, at: String(problem.at), character: problem.character } };
    case "negative":
      return { code: "number-negative", params: { value } };
    case "empty":
      return { code: "number-empty", params: {} };
  }
}
