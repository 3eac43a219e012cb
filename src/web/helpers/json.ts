/**
 * Usage: <script type="application/json" id="chart-data">{{json chart}}</script>
 * The one way data reaches browser code: JSON with <, >, & and the line
 * separators escaped, so no user text can close the script element.
 */
import Handlebars from "handlebars";

export const name = "json";
export function helper(value: unknown): Handlebars.SafeString {
  const text = JSON.stringify(value ?? null)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/'/g, "\\u0027")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return new Handlebars.SafeString(text);
}
