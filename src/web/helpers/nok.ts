/** Usage: {{nok amount}} — whole kroner, e.g. "189 001". */
import type { HelperOptions } from "handlebars";
import { formatNumber } from "../../i18n/numbers.js";

export const name = "nok";
export function helper(amount: unknown, options: HelperOptions): string {
  return typeof amount === "number" && Number.isFinite(amount) ? formatNumber(amount, options.data.root.lang, 0) : "–";
}
