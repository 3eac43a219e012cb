/**
 * The one text catalogue: every word the interface, the problem and
 * warning messages, the command line and the domain terms show, in bokmål
 * and English, under typed keys. Each area keeps its texts in its own file
 * (the web pages' under src/web/i18n/, the problems beside the checks that
 * raise them, the command line's under src/cli/); they are all merged
 * here, a key missing in either language fails the catalogue test, and
 * every text is an ICU message (message-format.ts), so plurals read
 * "1 sak" and "2 saker".
 *
 * Keys are typed: `text("nb", "cases.count", { count: 2 })` compiles only
 * if some area has "cases.count". Keys built at run time (a role, a level)
 * are checked with isMessageKey at the edge.
 *
 * Example: text("en", "problem.required") → "is required"
 */
import type { Bilingual, Lang } from "../case/messages.js";
import { PROBLEM_MESSAGES } from "../case/messages.js";
import { WARNING_MESSAGES } from "../case/warnings.js";
import { CASE_TEXT } from "../case/case-text.js";
import { CLI_TEXT } from "../cli/cli-text.js";
import { accountText } from "../web/i18n/account.js";
import { accountPagesText } from "../web/i18n/account-pages.js";
import { adminTokensText } from "../web/i18n/admin-tokens.js";
import { casesText } from "../web/i18n/cases.js";
import { compareText } from "../web/i18n/compare.js";
import { domainText } from "../web/i18n/domain.js";
import { editorText } from "../web/i18n/editor.js";
import { exportsText } from "../web/i18n/exports.js";
import { financeText } from "../web/i18n/finance.js";
import { awardText } from "../web/i18n/award.js";
import { layoutText } from "../web/i18n/layout.js";
import { memoText } from "../web/i18n/memo.js";
import { oidcText } from "../web/i18n/oidc.js";
import { climatePlanText } from "../web/i18n/climate-plan.js";
import { climateLedgerText } from "../web/i18n/climate-ledger.js";
import { climateDashboardText } from "../web/i18n/climate-dashboard.js";
import { climateApiText } from "../web/i18n/climate-api.js";
import { factorsByYearText } from "../web/i18n/factors-by-year.js";
import { dataQualityText } from "../web/i18n/data-quality.js";
import { bidsText } from "../web/i18n/bids.js";
import { LEDGER_TEXT } from "../ledger/ledger-text.js";
import { BID_TEXT } from "../bids/bid-text.js";
import { BID_PLACE_TEXT, BID_PROBLEM_MESSAGES } from "../bids/bid-problems.js";
import { formatMessage, type MessageParams } from "./message-format.js";

export type Catalog = Record<string, string>;
/** One area's texts: the same keys in both languages. */
export type AreaText = { nb: Catalog; en: Catalog };

type ByCode = Record<string, Bilingual>;

/** Texts kept as { code: { nb, en } } beside their code, as an area under `prefix.` */
function byCode<P extends string, T extends ByCode>(prefix: P, texts: T): { nb: Record<`${P}.${keyof T & string}`, string>; en: Record<`${P}.${keyof T & string}`, string> } {
  const pick = (lang: Lang) => Object.fromEntries(Object.entries(texts).map(([code, text]) => [`${prefix}.${code}`, text[lang]])) as Record<`${P}.${keyof T & string}`, string>;
  return { nb: pick("nb"), en: pick("en") };
}

/**
 * Built on first use, not on import: the problem and warning modules ask
 * the catalogue for their texts and the catalogue holds theirs, so neither
 * may read the other while it is still loading.
 */
function areas() {
  return [
    layoutText,
    casesText,
    domainText,
    editorText,
    compareText,
    exportsText,
    financeText,
    awardText,
    memoText,
    accountText,
    accountPagesText,
    adminTokensText,
    oidcText,
    climatePlanText,
    climateLedgerText,
    climateDashboardText,
    climateApiText,
    factorsByYearText,
    dataQualityText,
    bidsText,
    byCode("ledger", LEDGER_TEXT),
    byCode("problem", PROBLEM_MESSAGES),
    byCode("warning", WARNING_MESSAGES),
    byCode("case", CASE_TEXT),
    byCode("cli", CLI_TEXT),
    byCode("bid", BID_TEXT),
    byCode("bidProblem", { ...BID_PROBLEM_MESSAGES, ...BID_PLACE_TEXT }),
  ] as const;
}

type Area = ReturnType<typeof areas>[number];
/** Every key of the catalogue. */
export type MessageKey = Area extends infer A ? (A extends { nb: infer C } ? keyof C & string : never) : never;

let merged: Record<Lang, Catalog> | null = null;

function catalogue(): Record<Lang, Catalog> {
  if (merged) return merged;
  const all: Record<Lang, Catalog> = { nb: {}, en: {} };
  for (const area of areas()) {
    Object.assign(all.nb, area.nb);
    Object.assign(all.en, area.en);
  }
  merged = all;
  return all;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogue().nb, key);
}

/**
 * The text for `key` in `lang` with its placeholders and plural forms
 * filled. A key built at run time that is missing shows as the key itself,
 * so a test finds it; only the catalogue's own keys count ("constructor"
 * is a missing key, not a function).
 */
export function text(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const texts = catalogue()[lang];
  return Object.hasOwn(texts, key) ? formatMessage(lang, texts[key]!, params) : String(key);
}

/** For keys made at run time from data (a role, an audit action): unknown ones show as themselves. */
export function textOf(lang: Lang, key: string, params: MessageParams = {}): string {
  return isMessageKey(key) ? text(lang, key, params) : key;
}

/** Each area on its own, for the test that both languages have every key. */
export function catalogueAreas(): readonly AreaText[] {
  return areas();
}

export function catalogueKeys(lang: Lang): string[] {
  return Object.keys(catalogue()[lang]);
}

/** The raw message for `key` (for tests and the browser's own formatting). */
export function messageTemplate(lang: Lang, key: MessageKey): string | undefined {
  return catalogue()[lang][key];
}
