/**
 * Interface text, bokmål first and English second. Each area of the app
 * keeps its own catalog file (common.ts, cases.ts, …); they are merged here,
 * and a key missing in either language fails the catalog test.
 */
import type { Lang } from "../../case/messages.js";
import { pluralize } from "../../i18n/plural.js";
import { accountText } from "./account.js";
import { accountPagesText } from "./account-pages.js";
import { adminTokensText } from "./admin-tokens.js";
import { casesText } from "./cases.js";
import { layoutText } from "./layout.js";
import { compareText } from "./compare.js";
import { domainText } from "./domain.js";
import { editorText } from "./editor.js";
import { exportsText } from "./exports.js";
import { oidcText } from "./oidc.js";

export type Catalog = Record<string, string>;
export type AreaText = { nb: Catalog; en: Catalog };

export const AREAS: AreaText[] = [layoutText, casesText, domainText, editorText, compareText, exportsText, accountText, accountPagesText, adminTokensText, oidcText];

const merged: Record<Lang, Catalog> = { nb: {}, en: {} };
for (const area of AREAS) {
  Object.assign(merged.nb, area.nb);
  Object.assign(merged.en, area.en);
}

/**
 * The text for `key` with {name} placeholders and plural forms filled (see
 * plural.ts); the key itself if missing (so it shows in tests). Only the
 * catalog's own keys count: "constructor" is a missing key, not a function.
 */
export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const catalog = merged[lang];
  const template = pluralize(Object.hasOwn(catalog, key) ? catalog[key]! : String(key), params, lang);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (Object.hasOwn(params, name) ? String(params[name] ?? "") : ""));
}

export function catalogKeys(lang: Lang): string[] {
  return Object.keys(merged[lang]);
}

export function pickLang(value: unknown): Lang | undefined {
  return value === "nb" || value === "en" ? value : undefined;
}
