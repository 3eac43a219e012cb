/**
 * The web layer's door to the one text catalogue (src/i18n/catalogue.ts):
 * each area of the app keeps its texts in its own file here (layout.ts,
 * cases.ts, …), and the catalogue merges them with the problem messages,
 * the warnings and the command line's texts.
 */
import type { Lang } from "../../case/messages.js";
import { catalogueKeys, text, textOf, type MessageKey } from "../../i18n/catalogue.js";
import type { MessageParams } from "../../i18n/message-format.js";

export type { AreaText, Catalog, MessageKey } from "../../i18n/catalogue.js";

/** The text for `key` with its placeholders and plural forms filled; see catalogue.ts. */
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return text(lang, key, params);
}

/** For a key made at run time from data (a role, an action, a template's {{t}}): unknown keys show as themselves. */
export function translateKey(lang: Lang, key: string, params: MessageParams = {}): string {
  return textOf(lang, key, params);
}

export function catalogKeys(lang: Lang): string[] {
  return catalogueKeys(lang);
}

export function pickLang(value: unknown): Lang | undefined {
  return value === "nb" || value === "en" ? value : undefined;
}
