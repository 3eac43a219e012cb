/**
 * Comparing figures in doubles. The fast evaluator agrees with the exact
 * core to 1e-12 relative; below that it cannot tell a difference from
 * rounding, while the exact core's ties are real (two alternatives with the
 * same total from items summed in another order: 0.1 + 0.2 = 0.3 in
 * decimals, 0.30000000000000004 in doubles). So figures within 1e-12 of
 * each other, relative to the larger or to 1, count as equal wherever the
 * core decides by comparing (ranking, dominance, payback, the suggested
 * waste level), and their difference is 0.
 *
 * Example: differenceOf(0.1 + 0.2, 0.3) = 0; differenceOf(1, 1.5) = −0.5.
 */

export const TIE_TOLERANCE = 1e-12;

/** a − b, or 0 when they are equal within TIE_TOLERANCE; its sign orders a and b. */
export function differenceOf(a: number, b: number): number {
  const difference = a - b;
  return Math.abs(difference) <= TIE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b)) ? 0 : difference;
}
