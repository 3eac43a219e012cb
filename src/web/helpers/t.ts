/** Usage: {{t "cases.count" count=12}} — interface text in the page's language. */
import type { HelperOptions } from "handlebars";
import { translateKey } from "../i18n/catalog.js";

export const name = "t";
export function helper(key: string, options: HelperOptions): string {
  return translateKey(options.data.root.lang, key, options.hash);
}
