/**
 * The pedigree approach of the ecoinvent data quality guideline (Weidema
 * et al. 2013, chapter 10): a figure's uncertainty is a log-normal
 * distribution around it whose variance of the log-transformed data is a
 * basic variance plus one variance per indicator of the pedigree matrix,
 * looked up by the figure's score (1 best … 5 worst) on that indicator:
 *
 *   σ² = σ_b² + Σ_i σ_i²(score_i),   GSD = exp(σ)
 *
 * The 95 % interval of the multiplier is GSD^−1.96 … GSD^1.96 (the guideline
 * writes GSD² for "about 95 %"). Which scores a kind of data gets, and the
 * published variances, are data: emission-factors/uncertainty/defaults.json.
 */

/** The five indicators of the pedigree matrix, in the guideline's order. */
export const PEDIGREE_INDICATORS = ["reliability", "completeness", "temporalCorrelation", "geographicalCorrelation", "furtherTechnologicalCorrelation"] as const;
export type PedigreeIndicator = (typeof PEDIGREE_INDICATORS)[number];

/** A score per indicator, 1 (best) … 5 (worst). */
export type PedigreeScores = Record<PedigreeIndicator, number>;
/** Per indicator, the variance added at scores 1 … 5 (index 0 … 4). */
export type PedigreeVariances = Record<PedigreeIndicator, readonly number[]>;

/**
 * σ² = σ_b² + Σ_i σ_i²(score_i).
 *
 * Example: scores 2, 2, 2, 3, 3 with the guideline's variances and σ_b² = 0.0006:
 *   0.0006 + 0.0006 + 0.0001 + 0.0002 + 0.0001 + 0.008 = 0.0096
 */
export function pedigreeVariance(scores: PedigreeScores, variances: PedigreeVariances, basicVariance: number): number {
  return PEDIGREE_INDICATORS.reduce((sum, indicator) => sum + (variances[indicator][scores[indicator] - 1] ?? Number.NaN), basicVariance);
}

/**
 * GSD = exp(√σ²).
 *
 * Example: σ² = 0.0096 → √0.0096 = 0.09798 → exp(0.09798) = 1.1029.
 */
export function geometricStandardDeviation(variance: number): number {
  return Math.exp(Math.sqrt(variance));
}
