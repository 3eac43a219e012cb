/**
 * The climate adviser's figures (Klimanøytral 2027): the organisation's
 * baseline and target path, the decisions buyers record from their cases,
 * and the dashboard that sets the screened ledger and the decisions
 * against the path. Every quantity a user enters or that is kept is a
 * decimal text (tonnes CO2e, NOK), computed with decimal.js; JSON answers
 * of the API carry them as numbers. Rules and worked examples:
 * docs/climate.md.
 */
import type { PurchaseCategory, StrategyArea } from "./categories.js";

/** A decimal number as text, e.g. "1234.5" (never a binary float in storage). */
export type DecimalText = string;

/** The organisation's emissions in its baseline year, by purchase category, each split into direct (scope 1) and indirect. */
export type Baseline = {
  year: number;
  categories: { category: PurchaseCategory; directTonnes: DecimalText; indirectTonnes: DecimalText }[];
};

/**
 * The target path: either a target per calendar year, or a start and an
 * end from which the years between are drawn, on a straight line
 * ("linear") or falling by the same share each year ("constant-rate",
 * end tonnes > 0).
 */
export type TargetPath =
  | { kind: "years"; targets: { year: number; tonnes: DecimalText }[] }
  | { kind: "shape"; shape: "linear" | "constant-rate"; start: { year: number; tonnes: DecimalText }; end: { year: number; tonnes: DecimalText } };

/** NOK per tonne CO2e the organisation expects to pay to compensate residual emissions, with where the price comes from. */
export type CompensationPrice = { nokPerTonne: DecimalText; source: string };

/** What the adviser enters and saves (each save is a new version, audited). */
export type ClimatePlanDocument = {
  baseline: Baseline;
  target: TargetPath;
  /** The year by which operations are to be climate-neutral: 2027 for Klimanøytral 2027. */
  neutralityYear: number;
  compensation: CompensationPrice | null;
};

export type ClimatePlanVersion = { version: number; document: ClimatePlanDocument; savedAt: string; savedBy: string | null };

/** One calendar year's target, drawn from the path (exact decimal text). */
export type YearTarget = { year: number; tonnes: DecimalText };

/** What a buyer enters when recording the decision of a case. */
export type DecisionInput = {
  caseId: string;
  /** The alternative chosen, by its id in the case. */
  chosen: string;
  /** Contract start as "YYYY-MM" and length in whole months (1–600). */
  contractStart: string;
  contractMonths: number;
  category: PurchaseCategory;
  strategyArea: StrategyArea;
  note?: string;
};

/**
 * A recorded decision: the input, and the figures as they were when it
 * was recorded (the case version, the factor set and its hash, the
 * avoided emissions against the case's baseline alternative spread over
 * the contract's calendar years, the LCC difference). Kept as recorded: a
 * later factor set or a later edit of the case never rewrites it.
 */
export type DecisionRecord = DecisionInput & {
  id: string;
  caseTitle: string;
  caseVersion: number;
  chosenName: string;
  baseline: string;
  baselineName: string;
  factorSet: string;
  factorSetHash: string;
  /** Baseline's tonnes − chosen's tonnes over the contract (positive: avoided). */
  avoidedTonnes: DecimalText;
  /** Direct + indirect = avoidedTonnes exactly: direct is the case's direct difference × the contract's share of the analysis's months; indirect the rest (docs/climate.md). */
  avoidedDirectTonnes: DecimalText;
  avoidedIndirectTonnes: DecimalText;
  /** The same avoided tonnes by calendar year (only years with a share of the contract). */
  avoidedByYear: { year: number; tonnes: DecimalText }[];
  /**
   * Baseline's tonnes − chosen's tonnes over the case's whole analysis
   * period (what the comparison page shows), beside avoidedTonnes, which
   * counts only the contract's months. Absent in decisions recorded
   * before it was kept.
   */
  analysisAvoidedTonnes?: DecimalText;
  /** Chosen's present value − baseline's (NOK, rounded to øre; negative: the chosen costs less over its life). */
  lccDifference: DecimalText;
  recordedAt: string;
  recordedBy: string | null;
};

/** One row of the dashboard's year table. Null where the year has no such figure. */
export type DashboardYear = {
  year: number;
  target: DecimalText | null;
  /** Measured: the baseline in its year; screened ledger tonnes (purchases) plus the baseline's direct tonnes in a year the ledger covers. */
  measured: DecimalText | null;
  /** Avoided by recorded decisions in this year. */
  avoided: DecimalText;
  /**
   * Only for a year after the last measured one: the last measured total −
   * the decisions' avoided tonnes in the year, never below 0. Null in a year
   * before the last measured one that has no measurement (nothing is known
   * of it), except the neutrality year, which is expected from the latest
   * measurement before it − its avoided tonnes (docs/climate.md).
   */
  projected: DecimalText | null;
};

export type DashboardFigures = {
  planVersion: number | null;
  neutralityYear: number;
  years: DashboardYear[];
  /** In the neutrality year: expected (measured or projected) − target; null without a plan. */
  gap: { year: number; expected: DecimalText; target: DecimalText; gap: DecimalText } | null;
  decisions: { count: number; avoidedTonnes: DecimalText; avoidedInNeutralityYear: DecimalText; lccDifference: DecimalText };
  /**
   * Direct (the municipality's own and its contractors' fuel on sites and
   * deliveries) and indirect tonnes in the last measured year `year`. The
   * spend factors do not measure direct emissions, so the direct tonnes
   * always come from the baseline, in `directYear` (the baseline's year);
   * with source "screening", the indirect tonnes are the screening's of `year`.
   */
  directIndirect: { source: "baseline" | "screening"; year: number; directYear: number; directTonnes: DecimalText; indirectTonnes: DecimalText } | null;
  /** Residual tonnes in the neutrality year × the compensation price, with and without the recorded decisions. */
  costOfNeutrality: {
    year: number;
    nokPerTonne: DecimalText;
    source: string;
    residualTonnes: DecimalText;
    cost: DecimalText;
    residualWithoutDecisions: DecimalText;
    costWithoutDecisions: DecimalText;
    loweredBy: DecimalText;
  } | null;
  /** The screening's share of the spend in scope mapped to a factor (0–1): a year measured from a ledger covers only this share; null without a screening. */
  mappedShare: DecimalText | null;
};
