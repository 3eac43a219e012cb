/**
 * `kalkyle evaluate --format table`: a summary a buyer can read in a
 * terminal, one row per alternative in rank order, with the declared
 * waste-pyramid level only (a suggested level is listed after the table as
 * a hint); then why a dominated alternative ranks where it does, the
 * comparison (payback in words), and the warnings, each placed in words
 * (alternative and item). Every word is in the CLI's language, codes never.
 */
import type { Lang } from "../case/messages.js";
import { rankNoteMessage } from "../case/rank-note.js";
import { suggestionMessage } from "../case/suggestion-note.js";
import { warningMessage, type Warning } from "../case/warnings.js";
import type { AlternativeResult, ComparisonRow, CoreResult, RankingMethod } from "../core/types.js";
import { placeOf } from "../i18n/case-place.js";
import { wasteLevelName } from "../i18n/domain-terms.js";
import { formatNumber } from "../i18n/numbers.js";

const HEAD = {
  nb: ["Rang", "Alternativ", "Avfallsnivå", "t CO2e", "direkte", "indirekte", "Nåverdi kr", "Dominert"],
  en: ["Rank", "Alternative", "Waste level", "t CO2e", "direct", "indirect", "Present value NOK", "Dominated"],
};
const WITH_CARBON = { nb: ["Karbonkostnad kr", "Nåverdi med karbon kr"], en: ["Carbon cost NOK", "PV with carbon NOK"] };
const COMPARE = {
  nb: ["Alternativ", "Mot", "Δ t CO2e", "Δ nåverdi kr", "kr per tonn spart", "Inntjent"],
  en: ["Alternative", "Against", "Δ t CO2e", "Δ present value NOK", "NOK per tonne avoided", "Payback"],
};
const WORDS = {
  nb: { ranking: "Rangering", rankNotes: "Hvorfor et bedre nivå står lavere:", suggestions: "Nivå foreslått ut fra alternativets egne avfallsposter (bare et hint, rangeres ikke):", warnings: "Advarsler:", fromStart: "billigere fra start", never: "betaler seg ikke tilbake innen perioden", year: "år", yes: "ja", no: "nei", undeclared: "ikke oppgitt" },
  en: { ranking: "Ranking", rankNotes: "Why a better level ranks lower:", suggestions: "Level suggested from the alternative's own waste items (a hint only, not ranked):", warnings: "Warnings:", fromStart: "cheaper from the start", never: "does not pay back within the period", year: "year", yes: "yes", no: "no", undeclared: "not declared" },
};
const METHODS: Record<Lang, Record<RankingMethod, string>> = {
  nb: { "waste-pyramid": "avfallspyramiden (nivå, deretter t CO2e, deretter nåverdi)", emissions: "utslipp (t CO2e)", lcc: "livssykluskostnad (nåverdi)", "lcc-with-carbon": "livssykluskostnad med karbonkostnad (nåverdi)" },
  en: { "waste-pyramid": "the waste pyramid (level, then t CO2e, then present value)", emissions: "emissions (t CO2e)", lcc: "lifecycle cost (present value)", "lcc-with-carbon": "lifecycle cost with carbon cost (present value)" },
};

/** Only a declared level ranks, so only a declared level stands in the table. */
const declaredLevel = (a: AlternativeResult, lang: Lang) => (a.wasteLevelSource === "declared" ? wasteLevelName(a.wasteLevel, lang) : WORDS[lang].undeclared);

function payback(c: ComparisonRow, lang: Lang): string {
  if (c.payback === "from-start") return WORDS[lang].fromStart;
  if (c.payback === "never" || c.paybackYear === null) return WORDS[lang].never;
  return `${WORDS[lang].year} ${c.paybackYear}`;
}

/** What the table shows besides the result: the case's warnings, placed in words through the document. */
export type TableExtras = { warnings?: readonly Warning[]; document?: unknown };

function grid(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")).join("\n");
}

export function resultTable(title: string, result: CoreResult, lang: Lang, extras: TableExtras = {}): string {
  const t = (kg: { toNumber(): number }) => formatNumber(kg.toNumber() / 1000, lang, 2);
  const kr = (v: { toNumber(): number }) => formatNumber(v.toNumber(), lang, 0);
  const ordered = [...result.alternatives].sort((a, b) => a.rank - b.rank);
  const carbon = ordered.some((a) => a.lcc.carbonCostPresentValue !== undefined);
  const head = carbon ? [...HEAD[lang].slice(0, 7), ...WITH_CARBON[lang], HEAD[lang][7]!] : HEAD[lang];
  const rows = ordered.map((a) => [
    String(a.rank),
    `${a.id} ${a.name}`,
    declaredLevel(a, lang),
    t(a.emissions.totalKg),
    t(a.emissions.directKg),
    t(a.emissions.indirectKg),
    kr(a.lcc.presentValue),
    ...(carbon ? [kr(a.lcc.carbonCostPresentValue!), kr(a.lcc.presentValueWithCarbon!)] : []),
    a.dominated ? WORDS[lang].yes : WORDS[lang].no,
  ]);
  const comparison = result.comparison.map((c) => [c.id, c.baseline, t(c.deltaKg), kr(c.deltaPresentValue), c.abatementCostPerTonne === null ? "–" : kr(c.abatementCostPerTonne), payback(c, lang)]);
  const words = WORDS[lang];
  const parts = [title, `${words.ranking}: ${METHODS[lang][result.ranking.method]}`, "", grid([head, ...rows])];
  const notes = ordered.filter((a) => a.rankNote !== null).map((a) => `  ${a.id} ${a.name}: ${rankNoteMessage(a.rankNote!, lang)}`);
  if (notes.length > 0) parts.push("", words.rankNotes, ...notes);
  const hints = ordered.filter((a) => a.wasteLevelSource !== "declared" && a.wasteLevelSuggestion !== null).map((a) => `  ${a.id} ${a.name}: ${wasteLevelName(a.wasteLevelSuggestion!.level, lang)}; ${suggestionMessage(a.wasteLevelSuggestion!, lang)}`);
  if (hints.length > 0) parts.push("", words.suggestions, ...hints);
  if (comparison.length > 0) parts.push("", grid([COMPARE[lang], ...comparison]));
  const warnings = (extras.warnings ?? []).map((w) => `  ${placeOf(w.path, extras.document, lang)}: ${warningMessage(w, lang)}`);
  if (warnings.length > 0) parts.push("", words.warnings, ...warnings);
  return parts.join("\n");
}
