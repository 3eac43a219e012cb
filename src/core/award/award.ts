/**
 * Award points for a case whose alternatives are bids: points per criterion
 * and model, weighted (points × weight / 100) and summed, ranks by total
 * (equal totals share one), the four rankings side by side, the implied
 * carbon price between bids adjacent by CO2e, the reference carbon price
 * and the notes (docs/case-format.md, "Award points"). Pure.
 *
 * Values, lower is better: price = present value of the acquisition and
 * installation costs; lcc = the present value without carbon; climate =
 * kg CO2e (marked up with the data-quality mark-ups when the buyer says so).
 * Interval bands for climate are in tonnes, so climate is scored in tonnes.
 */
import { Decimal, THOUSAND, ZERO, sum } from "../decimal.js";
import type { AwardBid, AwardCriterionKind, AwardResult, ImpliedCarbonPrice, ResolvedAward, ResolvedAwardCriterion } from "../types.js";
import { impliedCarbonPrice } from "./implied-carbon-price.js";
import { carbonPriceNotes, climateWeightNote, rankingNote } from "./notes.js";
import { bestOf, modelPoints } from "./points.js";
import { orderBy, sharedRanks } from "./ranks.js";
import { referenceFigures } from "./reference.js";

const HUNDRED = new Decimal(100);

/** One bid's figures from the evaluation, as the award reads them. */
export type AwardFigures = {
  id: string;
  /** Present value of the acquisition and installation costs. */
  price: Decimal;
  /** Present value of the LCC without carbon. */
  lcc: Decimal;
  totalKg: Decimal;
  /** The total with the data-quality mark-ups, when the case sets them. */
  markedUpKg?: Decimal;
  /** LCC + carbon cost under the reference path. */
  lccWithCarbon: Decimal;
};

type ScoredKind = Exclude<AwardCriterionKind, "quality">;
type Scored = Extract<ResolvedAwardCriterion, { kind: ScoredKind }>;

function valueOf(kind: ScoredKind, bid: AwardFigures, useMarkedUp: boolean): Decimal {
  if (kind === "price") return bid.price;
  if (kind === "lcc") return bid.lcc;
  return useMarkedUp ? (bid.markedUpKg ?? bid.totalKg) : bid.totalKg;
}

/** The value as the model reads it: climate in tonnes (its bands are in tonnes), money in NOK. */
const scale = (kind: ScoredKind, value: Decimal) => (kind === "climate" ? value.div(THOUSAND) : value);

function pointsOf(criterion: ResolvedAwardCriterion, bids: readonly AwardFigures[], award: ResolvedAward): Decimal[] {
  if (criterion.kind === "quality") return bids.map((b) => criterion.points.get(b.id) ?? ZERO);
  const values = bids.map((b) => scale(criterion.kind, valueOf(criterion.kind, b, award.useMarkedUp)));
  const best = bestOf(values);
  return values.map((v) => modelPoints(criterion.model, v, best, award.maxPoints));
}

function impliedPrices(award: ResolvedAward, figures: readonly AwardFigures[], bids: readonly AwardBid[]): ImpliedCarbonPrice[] {
  const price = award.criteria.find((c): c is Scored => c.kind === "price" || c.kind === "lcc");
  const climate = award.criteria.some((c) => c.kind === "climate");
  if (!price || !climate || bids.length < 2) return [];
  const byKg = orderBy(bids, (b) => b.values.climate!).map((id) => bids.find((b) => b.id === id)!);
  const criterion = { model: price.model, weight: price.weight, max: award.maxPoints };
  return byKg.slice(1).map((higher, i) => {
    const lower = byKg[i]!;
    const others = figures.filter((f) => f.id !== lower.id).map((f) => valueOf(price.kind, f, award.useMarkedUp));
    return impliedCarbonPrice(
      {
        lower: { id: lower.id, kg: lower.values.climate!, priceValue: lower.values[price.kind]!, climateWeighted: lower.weighted.climate! },
        higher: { id: higher.id, kg: higher.values.climate!, climateWeighted: higher.weighted.climate! },
        otherPriceValues: others,
      },
      criterion,
    );
  });
}

export function evaluateAward(award: ResolvedAward, figures: readonly AwardFigures[], period: { startYear: number; years: number }): AwardResult {
  const points = new Map(award.criteria.map((c) => [c.kind, pointsOf(c, figures, award)]));
  const totals = figures.map((_, i) => sum(award.criteria.map((c) => points.get(c.kind)![i]!.mul(c.weight).div(HUNDRED))));
  const ranks = sharedRanks(totals);
  const bids: AwardBid[] = figures.map((f, i) => {
    const bid: AwardBid = { id: f.id, values: {}, points: {}, weighted: {}, total: totals[i]!, rank: ranks[i]! };
    for (const c of award.criteria) {
      if (c.kind !== "quality") bid.values[c.kind] = valueOf(c.kind, f, award.useMarkedUp);
      bid.points[c.kind] = points.get(c.kind)![i]!;
      bid.weighted[c.kind] = points.get(c.kind)![i]!.mul(c.weight).div(HUNDRED);
    }
    return bid;
  });
  const rankings = {
    points: orderBy(bids, (b) => b.total, true),
    // the CO2e the climate points read (marked up when the buyer scores on marked-up CO2e), as the implied-price pairs do
    emissions: orderBy(figures, (f) => valueOf("climate", f, award.useMarkedUp)),
    lcc: orderBy(figures, (f) => f.lcc),
    lccWithCarbon: orderBy(figures, (f) => f.lccWithCarbon),
  };
  const impliedCarbonPrices = impliedPrices(award, figures, bids);
  const reference = referenceFigures(award.reference, period.startYear, period.years);
  const notes = [...climateWeightNote(award), ...carbonPriceNotes(impliedCarbonPrices, reference), ...rankingNote(rankings)];
  return { maxPoints: award.maxPoints, useMarkedUp: award.useMarkedUp, bids, rankings, impliedCarbonPrices, reference, notes };
}
