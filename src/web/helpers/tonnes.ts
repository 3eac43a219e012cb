/** Usage: {{tonnes kg}} — kilograms CO2e shown as tonnes with two decimals, e.g. "4,44". */
import type { HelperOptions } from "handlebars";
import { formatNumber } from "../../i18n/numbers.js";

export const name = "tonnes";
export function helper(kg: unknown, options: HelperOptions): string {
  return typeof kg === "number" && Number.isFinite(kg) ? formatNumber(kg / 1000, options.data.root.lang, 2) : "–";
}
