/**
 * The award's figures as the page shows them (views/partials/award-results.hbs),
 * all taken from the evaluated case's `award` block (src/core/award): the
 * points per criterion and in total with each bid's rank, the ranking by
 * points beside the rankings by emissions, LCC and LCC with carbon cost,
 * the implied carbon price between bids adjacent by CO2e set beside the
 * reference path (the case's own carbon price, else R-109), the notes in
 * plain words, and each bid's CO2e by data tier, marked up where the case
 * sets mark-ups. Figures stay numbers (the templates format them) or are
 * written with formatNumber inside a sentence; nothing is worked out here.
 *
 * Example (nb): a pair whose implied price is 6 200 kr/t beside a reference
 * of 2 000 kr/t → «Langt over referansen (mer enn det dobbelte)».
 */
import type { Lang } from "../../case/messages.js";
import type { Decimal } from "../../core/decimal.js";
import { DATA_TIERS, type AwardCriterionKind, type AwardNote, type AwardResult, type DataTier, type ResolvedAward } from "../../core/types.js";
import { formatNumber } from "../../i18n/numbers.js";
import { translate } from "../i18n/catalog.js";
import type { OkEvaluation } from "./compare-settings.js";

type Names = (id: string) => string;

const QUOTES: Record<Lang, [string, string]> = { nb: ["«", "»"], en: ["“", "”"] };
const quoted = (name: string, lang: Lang) => `${QUOTES[lang][0]}${name}${QUOTES[lang][1]}`;
const num = (d: Decimal) => d.toNumber();

/** "Pris" / "LCC" / "Klima (CO2e)" / "Kvalitet". */
export function criterionName(kind: AwardCriterionKind, lang: Lang): string {
  return translate(lang, kind === "price" || kind === "lcc" ? `award.costKind.${kind}` : `award.criterion.${kind}`);
}

/** How a criterion is scored, in words: "lineær, null poeng ved 2 × beste tilbud". */
function modelText(criterion: ResolvedAward["criteria"][number], lang: Lang): string {
  if (criterion.kind === "quality") return translate(lang, "award.modelText.quality");
  const model = criterion.model;
  if (model.type === "linear") return translate(lang, "award.modelText.linear", { zeroAt: formatNumber(num(model.zeroAt), lang, decimalsOf(model.zeroAt)) });
  if (model.type === "proportional") return translate(lang, "award.modelText.proportional");
  const unit = translate(lang, criterion.kind === "climate" ? "award.unit.tonnes" : "award.unit.nok");
  const bands = model.bands.map((b) => translate(lang, "award.modelText.band", { upTo: formatNumber(num(b.upTo), lang, decimalsOf(b.upTo)), unit, points: formatNumber(num(b.points), lang, decimalsOf(b.points)) }));
  return translate(lang, "award.modelText.intervals", { bands: bands.join("; ") });
}

/** As many decimals as the figure has (at most 4): a setting the buyer typed is shown as typed. */
function decimalsOf(d: Decimal): number {
  return Math.min(d.decimalPlaces(), 4);
}

/** The criteria as set: name, weight in percent and the scoring model in words. */
export function criteriaModel(award: ResolvedAward, lang: Lang) {
  return award.criteria.map((c) => ({ kind: c.kind, name: criterionName(c.kind, lang), weight: num(c.weight), weightDecimals: decimalsOf(c.weight), model: modelText(c, lang) }));
}

function noteText(note: AwardNote, award: AwardResult, criteria: ResolvedAward["criteria"], names: Names, lang: Lang): string {
  const listed = (ids: readonly string[]) => ids.map((id) => quoted(names(id), lang)).join(", ");
  if (note.code === "climate-weight-below-30") {
    const climate = criteria.find((c) => c.kind === "climate");
    return climate === undefined ? translate(lang, "award.note.noClimate") : translate(lang, "award.note.climateBelow30", { weight: formatNumber(num(climate.weight), lang, decimalsOf(climate.weight)) });
  }
  if (note.code === "ranking-differs") return translate(lang, "award.note.rankingDiffers", { points: listed(award.rankings.points), lccWithCarbon: listed(award.rankings.lccWithCarbon) });
  const pair = award.impliedCarbonPrices.find((p) => p.lower === note.params.lower && p.higher === note.params.higher);
  const pairNames = { lower: quoted(names(note.params.lower ?? ""), lang), higher: quoted(names(note.params.higher ?? ""), lang) };
  if (note.code === "carbon-price-none") return translate(lang, "award.note.samePoints", pairNames);
  const implied = formatNumber(pair?.nokPerTonne ? num(pair.nokPerTonne) : Number(note.params.implied), lang);
  const reference = formatNumber(num(award.reference.nokPerTonne), lang);
  const key = note.code === "carbon-price-far-above" ? "award.note.farAbove" : "award.note.farBelow";
  return translate(lang, key, { ...pairNames, implied, reference, year: award.reference.year });
}

/** The implied price beside the reference, in words: far above, far below, or within half to double; or why there is none. */
function comparisonText(p: AwardResult["impliedCarbonPrices"][number], award: AwardResult, lang: Lang): string {
  // equal climate points price nothing in (0 kr per tonne): said as such rather than as "far below"
  if (p.reason !== null) return translate(lang, `award.implied.reason.${p.reason}`);
  const far = award.notes.find((n) => (n.code === "carbon-price-far-above" || n.code === "carbon-price-far-below") && n.params.lower === p.lower && n.params.higher === p.higher);
  if (far?.code === "carbon-price-far-above") return translate(lang, "award.implied.farAbove");
  if (far?.code === "carbon-price-far-below") return translate(lang, "award.implied.farBelow");
  return translate(lang, "award.implied.near");
}

function tierCells(emissions: OkEvaluation["core"]["alternatives"][number]["emissions"]) {
  return DATA_TIERS.map((tier: DataTier) => {
    const kg = emissions.byTier?.[tier];
    const marked = emissions.markedUp?.byTier[tier];
    return { kg: kg === undefined ? null : num(kg), markedKg: marked === undefined || kg === undefined || marked.equals(kg) ? null : num(marked) };
  });
}

/** Everything the results part of the award page shows; null when the case sets no award. */
export function awardResultsModel(evaluation: OkEvaluation, lang: Lang) {
  const award = evaluation.core.award;
  const resolved = evaluation.resolved.award;
  if (award === undefined || resolved === undefined) return null;
  const byId = new Map(evaluation.core.alternatives.map((a) => [a.id, a]));
  const names: Names = (id) => byId.get(id)?.name ?? id;
  const kinds = resolved.criteria.map((c) => c.kind);
  const ranked = [...award.bids].sort((a, b) => a.rank - b.rank);
  const hasMarkup = evaluation.resolved.dataQuality !== undefined;
  return {
    maxPoints: num(award.maxPoints),
    maxDecimals: decimalsOf(award.maxPoints),
    useMarkedUp: award.useMarkedUp,
    criteria: criteriaModel(resolved, lang),
    pointsHeaders: kinds.map((k) => ({ kind: k, name: criterionName(k, lang), isQuality: k === "quality", valueHeader: translate(lang, k === "climate" ? "award.col.valueTonnes" : "award.col.valueNok", { criterion: criterionName(k, lang) }), pointsHeader: translate(lang, "award.col.points", { criterion: criterionName(k, lang) }), weightedHeader: translate(lang, "award.col.weighted", { criterion: criterionName(k, lang) }) })),
    bids: ranked.map((bid) => ({
      rank: bid.rank,
      name: names(bid.id),
      cells: kinds.map((k) => {
        const value = k === "quality" ? undefined : bid.values[k];
        return { isQuality: k === "quality", isClimate: k === "climate", value: value === undefined ? null : num(value), points: num(bid.points[k]!), weighted: num(bid.weighted[k]!) };
      }),
      total: num(bid.total),
    })),
    // the emissions column ranks the CO2e the climate points use: with the mark-ups when they are used
    byEmissionsHeader: translate(lang, award.useMarkedUp ? "award.col.byEmissionsMarkedUp" : "award.col.byEmissions"),
    rankings: award.rankings.points.map((_, i) => ({
      position: i + 1,
      points: names(award.rankings.points[i]!),
      emissions: names(award.rankings.emissions[i]!),
      lcc: names(award.rankings.lcc[i]!),
      lccWithCarbon: names(award.rankings.lccWithCarbon[i]!),
    })),
    reference: {
      text: translate(lang, award.reference.source === "case" ? "award.reference.case" : "award.reference.r109", {
        year: award.reference.year,
        price: formatNumber(num(award.reference.nokPerTonne), lang),
        min: formatNumber(num(award.reference.min), lang),
        max: formatNumber(num(award.reference.max), lang),
      }),
    },
    implied: award.impliedCarbonPrices.map((p) => ({
      lower: names(p.lower),
      higher: names(p.higher),
      savedKg: num(p.savedKg),
      nokPerTonne: p.nokPerTonne === null ? null : num(p.nokPerTonne),
      comparison: comparisonText(p, award, lang),
    })),
    impliedEmpty: award.impliedCarbonPrices.length === 0,
    notes: award.notes.map((n) => noteText(n, award, resolved.criteria, names, lang)),
    tiers: {
      headers: DATA_TIERS.map((t) => translate(lang, `award.tier.${t}`)),
      hasMarkup,
      rows: evaluation.core.ranking.order.map((id) => {
        const a = byId.get(id)!;
        return { name: a.name, tiers: tierCells(a.emissions), totalKg: num(a.emissions.totalKg), markedKg: a.emissions.markedUp ? num(a.emissions.markedUp.totalKg) : null };
      }),
    },
  };
}

export type AwardResults = NonNullable<ReturnType<typeof awardResultsModel>>;

/** The short summary on the comparison page: the criteria and the bids by points, with a link to the award page; null when the case sets no award. */
export function awardSummaryModel(evaluation: OkEvaluation, caseId: string, lang: Lang) {
  const results = awardResultsModel(evaluation, lang);
  if (results === null) return null;
  return {
    href: `/cases/${encodeURIComponent(caseId)}/award`,
    criteria: results.criteria.map((c) => translate(lang, "award.summary.criterion", { name: c.name, weight: formatNumber(c.weight, lang, c.weightDecimals) })).join(", "),
    bids: results.bids.map((b) => ({ rank: b.rank, name: b.name, total: b.total })),
    maxPoints: results.maxPoints,
    notes: results.notes,
  };
}
