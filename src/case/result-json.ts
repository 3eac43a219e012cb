/**
 * The result document `kalkyle.result/1`: the core's exact decimals become
 * plain JSON numbers here, at the edge, and nowhere earlier.
 */
import type { Decimal } from "../core/decimal.js";
import { discountScheduleOf } from "../core/evaluate.js";
import { segmentsWithin } from "../core/discount.js";
import type { AlternativeResult, CoreResult, DominatedBy, ResolvedCase } from "../core/types.js";
import { measuresAgainstBaseline } from "../core/finance/measures.js";
import type { FinanceMeasures } from "../core/finance/types.js";
import { awardJson } from "./award-json.js";
import { measureReasonText } from "./measure-text.js";
import { rankNoteMessage } from "./rank-note.js";
import type { CaseContext } from "./resolve.js";
import { RESULT_FORMAT, type ResultDocument } from "./result-schema.js";
import { suggestionMessage } from "./suggestion-note.js";
import { warningMessage, type Warning } from "./warnings.js";

type AlternativeJson = ResultDocument["alternatives"][number];
type AnalysisJson = ResultDocument["analysis"];

/** −0 (e.g. 0 kg × a negative stage-D factor) is written as 0: a plain number, no "−0" on screen. */
const num = (d: Decimal): number => (d.isZero() ? 0 : d.toNumber());
const nums = (ds: readonly Decimal[]): number[] => ds.map(num);
const numRecord = <K extends string>(r: Partial<Record<K, Decimal>>): Record<K, number> =>
  Object.fromEntries(Object.entries<Decimal | undefined>(r).map(([k, v]) => [k, num(v!)])) as Record<K, number>;

const dominatedByJson = (d: DominatedBy) => ({ by: d.by, moreKg: num(d.moreKg), morePresentValue: num(d.morePresentValue) });

function alternativeJson(a: AlternativeResult): AlternativeJson {
  const lcc: AlternativeJson["lcc"] = {
    presentValue: num(a.lcc.presentValue),
    nominalTotal: num(a.lcc.nominalTotal),
    byKind: numRecord(a.lcc.byKind),
    byYear: nums(a.lcc.byYear),
    ...(a.lcc.carbonCostPresentValue !== undefined && {
      carbonCostPresentValue: num(a.lcc.carbonCostPresentValue),
      presentValueWithCarbon: num(a.lcc.presentValueWithCarbon!),
    }),
    equivalentAnnualCost: num(a.lcc.equivalentAnnualCost),
  };
  return {
    id: a.id,
    name: a.name,
    wasteLevel: a.wasteLevel,
    wasteLevelSource: a.wasteLevelSource,
    emissions: {
      totalKg: num(a.emissions.totalKg),
      directKg: num(a.emissions.directKg),
      indirectKg: num(a.emissions.indirectKg),
      byStage: numRecord(a.emissions.byStage),
      byYear: nums(a.emissions.byYear),
      items: a.emissions.items.map((i) => ({
        label: i.label,
        kind: i.kind,
        stage: i.stage,
        scope: i.scope,
        kg: num(i.kg),
        factor: i.factor,
        source: i.source,
        ...(i.existingStock && { existingStock: true }),
        ...(i.spend && { spend: { ...i.spend } }),
        ...(i.tier && { tier: i.tier }),
        ...(i.epd && { epd: { ...i.epd } }),
        ...(i.yearVarying && { yearVarying: true as const }),
      })),
      ...(a.emissions.byTier && { byTier: numRecord(a.emissions.byTier) }),
      ...(a.emissions.markedUp && { markedUp: { totalKg: num(a.emissions.markedUp.totalKg), byTier: numRecord(a.emissions.markedUp.byTier) } }),
    },
    lcc,
    rank: a.rank,
    dominated: a.dominated,
    dominatedBy: a.dominatedBy.map(dominatedByJson),
    rankNote: a.rankNote === null ? null : { ...dominatedByJson(a.rankNote), message: { nb: rankNoteMessage(a.rankNote, "nb"), en: rankNoteMessage(a.rankNote, "en") } },
    wasteLevelSuggestion:
      a.wasteLevelSuggestion === null
        ? null
        : { level: a.wasteLevelSuggestion.level, share: num(a.wasteLevelSuggestion.share), message: { nb: suggestionMessage(a.wasteLevelSuggestion, "nb"), en: suggestionMessage(a.wasteLevelSuggestion, "en") } },
  };
}

/** Stated on every result with spend items: EXIOBASE factors are per basic-price euro. */
const SPEND_NOTE: ResultDocument["notes"][number] = {
  code: "spend-basic-prices",
  message: {
    nb: "Utgiftsbaserte faktorer (EXIOBASE) gjelder per euro i basispriser; fakturabeløp inkluderer avanser og avgifter, så utgiftsbasert screening overvurderer utslippene.",
    en: "Spend-based factors (EXIOBASE) are per euro at basic prices; invoice amounts include margins and taxes, so spend screening overstates the emissions.",
  },
};

type MeasuresJson = Pick<ResultDocument["comparison"][number], "netSavings" | "addedInvestment" | "operatingSavings" | "simplePaybackYear" | "sir" | "airr" | "breakEvenCarbonPrice" | "why">;

/** The BLCC measures and the break-even carbon price of one comparison row; a null measure with its reason in both languages. */
function measuresJson(m: FinanceMeasures): MeasuresJson {
  const orNull = (d: Decimal | null) => (d === null ? null : num(d));
  const why = Object.fromEntries(Object.entries(m.reasons).map(([measure, code]) => [measure, { code, message: { nb: measureReasonText(code, "nb"), en: measureReasonText(code, "en") } }]));
  return {
    netSavings: num(m.netSavings),
    addedInvestment: num(m.addedInvestment),
    operatingSavings: num(m.operatingSavings),
    simplePaybackYear: m.simplePaybackYear,
    sir: orNull(m.sir),
    airr: orNull(m.airr),
    breakEvenCarbonPrice: orNull(m.breakEvenCarbonPrice),
    why,
  };
}

export function resultJson(result: CoreResult, resolved: ResolvedCase, context: CaseContext, warnings: readonly Warning[] = []): ResultDocument {
  const measures = new Map(measuresAgainstBaseline(resolved, result).map((m) => [m.id, m]));
  const path = context.carbonPath;
  const analysis: AnalysisJson = {
    startYear: resolved.startYear,
    years: resolved.years,
    discountRate: num(resolved.discountRate),
    discountRateSource: resolved.discountSchedule !== undefined && resolved.discountSchedule.length > 1 ? "r109-declining" : "given",
    discountSchedule: segmentsWithin(discountScheduleOf(resolved), resolved.years).map((s) => ({ fromYear: s.fromYear, rate: num(s.rate) })),
    electricity: { factor: context.electricity.factor, basis: context.electricity.basis, kgCO2ePerUnit: num(context.electricity.kgPerUnit), unit: context.electricity.unit },
    priceYear: context.priceYear,
    ...(resolved.carbonPrice && { carbonPrice: Object.fromEntries([...resolved.carbonPrice].map(([y, p]) => [String(y), num(p)])) }),
    ...(path && { carbonPricePath: { id: path.id, priceLevelYear: path.priceLevelYear, rebasedTo: path.rebasedTo, firstYear: path.firstYear, lastYear: path.lastYear } }),
  };
  const hasSpend = result.alternatives.some((a) => a.emissions.items.some((i) => i.spend !== undefined));
  return {
    schema: RESULT_FORMAT,
    title: resolved.title,
    factorSet: context.set.id,
    factorSetHash: context.set.hash,
    analysis,
    alternatives: result.alternatives.map(alternativeJson),
    ranking: { method: result.ranking.method, order: result.ranking.order },
    comparison: result.comparison.map((c) => ({
      id: c.id,
      baseline: c.baseline,
      deltaKg: num(c.deltaKg),
      deltaPresentValue: num(c.deltaPresentValue),
      abatementCostPerTonne: c.abatementCostPerTonne === null ? null : num(c.abatementCostPerTonne),
      paybackYear: c.paybackYear,
      payback: c.payback,
      ...measuresJson(measures.get(c.id)!),
    })),
    warnings: warnings.map((w) => ({ path: w.path, code: w.code, message: { nb: warningMessage(w, "nb"), en: warningMessage(w, "en") } })),
    notes: hasSpend ? [SPEND_NOTE] : [],
    ...(result.award && resolved.award && { award: awardJson(result.award, resolved.award) }),
  };
}

/**
 * The result with the Monte Carlo block (src/case/uncertainty.ts), which a
 * result carries only when asked for (`--samples`, `?samples=`): without
 * it the document is exactly what resultJson wrote.
 */
export function withUncertainty(result: ResultDocument, uncertainty: NonNullable<ResultDocument["uncertainty"]>): ResultDocument {
  return { ...result, uncertainty };
}
