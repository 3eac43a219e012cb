/**
 * The figures a case computes per item (the quantity in the factor's unit,
 * the kg CO2e of one item) must be finite numbers a result can carry. A
 * unit such as "kg*Ym/ym" can turn "1 kg" into 10^48 kg, or into a figure
 * so small that it prints as 0; neither is what the user meant, and
 * summed over items and years an overflowing figure would become Infinity
 * in an export. So a figure must be at most FIGURE_LIMIT in size, and one
 * computed from non-zero inputs at least 1 / FIGURE_LIMIT.
 *
 * Example: figureProblem(new Decimal("1e48"), { fromNonZero: true }) → "not-finite";
 *          figureProblem(new Decimal("1e-300"), { fromNonZero: true }) → "underflow"
 */
import { Decimal } from "../core/decimal.js";

/** 10^100: beyond any purchase, and far enough below a double's 1.8 × 10^308 that sums over every item and year stay finite. */
export const FIGURE_LIMIT = new Decimal("1e100");
const SMALLEST = new Decimal(1).div(FIGURE_LIMIT);

export function figureProblem(figure: Decimal, options: { fromNonZero: boolean }): "not-finite" | "underflow" | null {
  if (!figure.isFinite() || figure.abs().gt(FIGURE_LIMIT)) return "not-finite";
  if (options.fromNonZero && figure.abs().lt(SMALLEST)) return "underflow";
  return null;
}
