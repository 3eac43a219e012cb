/**
 * The figures a recorded decision keeps (docs/climate.md, "What a decision
 * avoids"): the emissions the chosen alternative avoids against the case's
 * baseline alternative, spread over the contract's calendar years, and
 * the difference in lifecycle cost, with the factor set they were
 * computed with.
 *
 * - Avoided = baseline − chosen (kg → tonnes ÷ 1 000); positive: avoided.
 * - Analysis year i of the case (emissions.byYear[i], i = 0..N) covers the
 *   12 months from contractStart + 12·i months; each of those months
 *   carries 1/12 of year i's difference. Only months within the contract
 *   count, and each counts in its calendar year. Months of a contract
 *   longer than the analysis carry nothing (the case says nothing of them).
 * - avoidedTonnes is the sum over the contract; each calendar year's
 *   figure is rounded so that the years add up to it exactly.
 * - Direct and indirect add up exactly to avoidedTonnes. The result gives
 *   the direct split only for the whole analysis, not by year, so direct =
 *   the whole analysis's direct difference × the share of the analysis's
 *   months that fall within the contract (a scaling by tonnes instead would
 *   divide by a difference that can be near zero); indirect = avoidedTonnes
 *   − direct, the rest. Indirect can so be negative while direct is
 *   positive, when the contract holds the years where the difference is
 *   smallest.
 * - analysisAvoidedTonnes = baseline's total − chosen's total over the
 *   case's whole analysis period: the figure the case's comparison page
 *   shows; avoidedTonnes counts only the contract's months.
 * - lccDifference = chosen's present value − baseline's, over the whole
 *   analysis (the case's own period, not the contract's months), rounded
 *   to øre (2 decimals, half away from zero).
 *
 * Example: contract from 2026-07 for 24 months, the chosen alternative
 * avoiding 12 t in analysis years 0 and 1 → 2026: 6 t, 2027: 12 t,
 * 2028: 6 t; avoidedTonnes 24.
 */
import { Decimal, THOUSAND, ZERO } from "../decimal.js";
import type { ResultDocument } from "../../case/result-schema.js";
import { decimalText } from "./decimal-text.js";
import type { DecisionRecord } from "./types.js";

export type DecisionFigures = Pick<
  DecisionRecord,
  "baseline" | "baselineName" | "chosenName" | "avoidedTonnes" | "avoidedDirectTonnes" | "avoidedIndirectTonnes" | "avoidedByYear" | "analysisAvoidedTonnes" | "lccDifference" | "factorSet" | "factorSetHash"
>;

type Alternative = ResultDocument["alternatives"][number];

/** The alternative every other is compared with: the comparison's baseline, or the only alternative. */
export function baselineAlternative(result: ResultDocument): Alternative {
  const id = result.comparison[0]?.baseline ?? result.alternatives[0]!.id;
  return result.alternatives.find((a) => a.id === id)!;
}

/** Months since year 0, month 1: "2026-07" → 2026 × 12 + 6. */
function monthIndex(yearMonth: string): number {
  const [year, month] = yearMonth.split("-").map(Number);
  return year! * 12 + month! - 1;
}

/**
 * Σ over the contract's months of 1/12 of the analysis year's difference
 * (tonnes), by calendar year, unrounded; and the number of the contract's
 * months that the analysis covers.
 */
export function spreadOverContract(differenceByYear: readonly Decimal[], contractStart: string, contractMonths: number): { byYear: Map<number, Decimal>; coveredMonths: number } {
  const first = monthIndex(contractStart);
  const twelfths = new Map<number, Decimal>();
  let coveredMonths = 0;
  for (let k = 0; k < contractMonths; k++) {
    const calendarYear = Math.floor((first + k) / 12);
    const difference = differenceByYear[Math.floor(k / 12)];
    if (difference !== undefined) coveredMonths++;
    twelfths.set(calendarYear, (twelfths.get(calendarYear) ?? ZERO).plus(difference ?? ZERO));
  }
  const byYear = new Map([...twelfths].map(([year, sum]) => [year, sum.div(12)]));
  return { byYear, coveredMonths };
}

/** Each year rounded so that the rounded years add up to the rounded total: year = round(cumulative) − round(previous cumulative). */
function roundedByYear(byYear: Map<number, Decimal>): { year: number; tonnes: string }[] {
  let cumulative = ZERO;
  let written = ZERO;
  return [...byYear].map(([year, tonnes]) => {
    cumulative = cumulative.plus(tonnes);
    const upTo = new Decimal(decimalText(cumulative));
    const out = { year, tonnes: decimalText(upTo.minus(written)) };
    written = upTo;
    return out;
  });
}

const tonnesOf = (kg: number) => new Decimal(kg).div(THOUSAND);

export function decisionFigures(result: ResultDocument, chosen: string, contractStart: string, contractMonths: number): DecisionFigures {
  const base = baselineAlternative(result);
  const pick = result.alternatives.find((a) => a.id === chosen)!;
  const years = Math.max(base.emissions.byYear.length, pick.emissions.byYear.length);
  const difference = Array.from({ length: years }, (_, i) => tonnesOf(base.emissions.byYear[i] ?? 0).minus(tonnesOf(pick.emissions.byYear[i] ?? 0)));
  const { byYear, coveredMonths } = spreadOverContract(difference, contractStart, contractMonths);
  const avoided = [...byYear.values()].reduce((a, b) => a.plus(b), ZERO);
  const share = years === 0 ? ZERO : new Decimal(coveredMonths).div(12 * years);
  const avoidedText = decimalText(avoided);
  const direct = decimalText(tonnesOf(base.emissions.directKg).minus(tonnesOf(pick.emissions.directKg)).mul(share));
  const lcc = new Decimal(pick.lcc.presentValue).minus(new Decimal(base.lcc.presentValue)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return {
    baseline: base.id,
    baselineName: base.name,
    chosenName: pick.name,
    avoidedTonnes: avoidedText,
    avoidedDirectTonnes: direct,
    avoidedIndirectTonnes: decimalText(new Decimal(avoidedText).minus(direct)),
    avoidedByYear: roundedByYear(byYear),
    analysisAvoidedTonnes: decimalText(tonnesOf(base.emissions.totalKg).minus(tonnesOf(pick.emissions.totalKg))),
    lccDifference: decimalText(lcc),
    factorSet: result.factorSet,
    factorSetHash: result.factorSetHash,
  };
}
