/** Usage: {{num value 1}} — a number the Norwegian way (1 234,5) or the English way. */
import type { HelperOptions } from "handlebars";
import { formatNumber } from "../../i18n/numbers.js";

export const name = "num";
export function helper(value: unknown, decimals: unknown, options?: HelperOptions): string {
  const opts = (options ?? decimals) as HelperOptions;
  const places = typeof decimals === "number" ? decimals : 0;
  return typeof value === "number" && Number.isFinite(value) ? formatNumber(value, opts.data.root.lang, places) : "–";
}
