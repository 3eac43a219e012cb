/**
 * `kalkyle evaluate --format table`: a summary a buyer can read in a
 * terminal, one row per alternative in rank order, with the declared
 * waste-pyramid level only (a suggested level is listed after the table as
 * a hint); then why a dominated alternative ranks where it does, the
 * comparison (payback in words), the finance measures against the baseline
 * (a measure not defined with its reason), and the warnings, each placed in words
 * (alternative and item). Every word is in the CLI's language, codes never.
 */
import type { Lang } from "../case/messages.js";
import { rankNoteMessage } from "../case/rank-note.js";
import { suggestionMessage } from "../case/suggestion-note.js";
import { warningMessage, type Warning } from "../case/warnings.js";
import { measureReasonText } from "../case/measure-text.js";
import { awardTable } from "./award-table.js";
import type { Decimal } from "../core/decimal.js";
import { measuresAgainstBaseline } from "../core/finance/measures.js";
import type { AlternativeResult, ComparisonRow, CoreResult, ResolvedCase } from "../core/types.js";
import { text } from "../i18n/catalogue.js";
import { placeOf } from "../i18n/case-place.js";
import { wasteLevelName } from "../i18n/domain-terms.js";
import { formatNumber } from "../i18n/numbers.js";

type Key = Parameters<typeof text>[1];
const say = (lang: Lang, key: Key, params?: Record<string, string>) => text(lang, key, params);
const heads = (lang: Lang, keys: readonly string[]) => keys.map((k) => say(lang, `cli.table.head.${k}` as Key));
const HEAD = ["rank", "alternative", "level", "tonnes", "direct", "indirect", "presentValue"] as const;
const WITH_CARBON = ["carbonCost", "presentValueWithCarbon"] as const;
const COMPARE = ["alternative", "against", "deltaTonnes", "deltaPresentValue", "perTonne", "payback"] as const;
const MEASURES = ["alternative", "netSavings", "simplePayback", "sir", "airr", "breakEven"] as const;
/** The measures that may have no value, by the head of their column. */
const MAY_BE_UNDEFINED = { simplePaybackYear: "simplePayback", sir: "sir", airr: "airr", breakEvenCarbonPrice: "breakEven" } as const;

/** Only a declared level ranks, so only a declared level stands in the table. */
const declaredLevel = (a: AlternativeResult, lang: Lang) => (a.wasteLevelSource === "declared" ? wasteLevelName(a.wasteLevel, lang) : say(lang, "cli.table.undeclared"));

function payback(c: ComparisonRow, lang: Lang): string {
  if (c.payback === "from-start") return say(lang, "cli.table.fromStart");
  if (c.payback === "never" || c.paybackYear === null) return say(lang, "cli.table.never");
  return say(lang, "cli.table.year", { year: String(c.paybackYear) });
}

/** What the table shows besides the result: the case's warnings, placed in words through the document, and the finance measures of the resolved case. */
export type TableExtras = { warnings?: readonly Warning[]; document?: unknown; resolved?: ResolvedCase };

/** Net savings, simple payback, SIR, AIRR and the break-even carbon price of each alternative against the baseline; a "–" explained under the grid. */
function measuresPart(resolved: ResolvedCase, result: CoreResult, lang: Lang): string[] {
  const measures = measuresAgainstBaseline(resolved, result);
  if (measures.length === 0) return [];
  const kr = (v: Decimal | null) => (v === null ? "–" : formatNumber(v.toNumber(), lang, 0));
  const rows = measures.map((m) => [
    m.id,
    kr(m.netSavings),
    m.simplePaybackYear === null ? "–" : say(lang, "cli.table.year", { year: String(m.simplePaybackYear) }),
    m.sir === null ? "–" : formatNumber(m.sir.toNumber(), lang, 2),
    m.airr === null ? "–" : `${formatNumber(m.airr.toNumber() * 100, lang, 1)} %`,
    kr(m.breakEvenCarbonPrice),
  ]);
  const notes = measures.flatMap((m) =>
    (Object.keys(MAY_BE_UNDEFINED) as (keyof typeof MAY_BE_UNDEFINED)[]).flatMap((measure) => {
      const reason = m.reasons[measure];
      return reason === undefined ? [] : [`  ${say(lang, "cli.table.measureNote", { alternative: m.id, measure: say(lang, `cli.table.head.${MAY_BE_UNDEFINED[measure]}`), reason: measureReasonText(reason, lang) })}`];
    }),
  );
  const cheaper = measures.filter((m) => m.breakEvenCarbonPrice?.isNegative()).map((m) => say(lang, "cli.table.cheaperAlready", { alternative: m.id }));
  return ["", say(lang, "cli.table.measures"), grid([heads(lang, MEASURES), ...rows]), ...notes, ...cheaper];
}

function grid(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")).join("\n");
}

export function resultTable(title: string, result: CoreResult, lang: Lang, extras: TableExtras = {}): string {
  const t = (kg: { toNumber(): number }) => formatNumber(kg.toNumber() / 1000, lang, 2);
  const kr = (v: { toNumber(): number }) => formatNumber(v.toNumber(), lang, 0);
  const ordered = [...result.alternatives].sort((a, b) => a.rank - b.rank);
  const carbon = ordered.some((a) => a.lcc.carbonCostPresentValue !== undefined);
  const head = heads(lang, [...HEAD, ...(carbon ? WITH_CARBON : []), "dominated"]);
  const rows = ordered.map((a) => [
    String(a.rank),
    `${a.id} ${a.name}`,
    declaredLevel(a, lang),
    t(a.emissions.totalKg),
    t(a.emissions.directKg),
    t(a.emissions.indirectKg),
    kr(a.lcc.presentValue),
    ...(carbon ? [kr(a.lcc.carbonCostPresentValue!), kr(a.lcc.presentValueWithCarbon!)] : []),
    say(lang, a.dominated ? "cli.table.yes" : "cli.table.no"),
  ]);
  const comparison = result.comparison.map((c) => [c.id, c.baseline, t(c.deltaKg), kr(c.deltaPresentValue), c.abatementCostPerTonne === null ? "–" : kr(c.abatementCostPerTonne), payback(c, lang)]);
  const parts = [title, say(lang, "cli.table.ranking", { method: say(lang, `cli.table.method.${result.ranking.method}`) }), "", grid([head, ...rows])];
  const notes = ordered.filter((a) => a.rankNote !== null).map((a) => `  ${a.id} ${a.name}: ${rankNoteMessage(a.rankNote!, lang)}`);
  if (notes.length > 0) parts.push("", say(lang, "cli.table.rankNotes"), ...notes);
  const hints = ordered.filter((a) => a.wasteLevelSource !== "declared" && a.wasteLevelSuggestion !== null).map((a) => `  ${a.id} ${a.name}: ${wasteLevelName(a.wasteLevelSuggestion!.level, lang)}; ${suggestionMessage(a.wasteLevelSuggestion!, lang)}`);
  if (hints.length > 0) parts.push("", say(lang, "cli.table.suggestions"), ...hints);
  if (comparison.length > 0) parts.push("", grid([heads(lang, COMPARE), ...comparison]));
  if (extras.resolved) parts.push(...measuresPart(extras.resolved, result, lang));
  parts.push(...awardTable(result, extras.resolved?.award, lang));
  const warnings = (extras.warnings ?? []).map((w) => `  ${placeOf(w.path, extras.document, lang)}: ${warningMessage(w, lang)}`);
  if (warnings.length > 0) parts.push("", say(lang, "cli.table.warnings"), ...warnings);
  return parts.join("\n");
}
