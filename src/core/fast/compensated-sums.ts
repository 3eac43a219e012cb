/**
 * Running sums in doubles with Neumaier's compensation (Neumaier 1974, an
 * improved Kahan summation): each addition keeps the part rounding lost,
 * so a sum is within about one rounding of the true sum of its terms even
 * where terms cancel. They do cancel in a case: a copy bought in year N
 * with a service life comes back whole as a residual value in the same
 * year, and a plain sum would keep only the rounding error of the large
 * pair instead of the small costs beside it.
 *
 * Example: plain 1e16 + 1 − 1e16 = 0; compensated, 1.
 */

/** `length` sums, each read with `valueAt` once the terms are added. */
export class CompensatedSums {
  private readonly sums: Float64Array;
  private readonly lost: Float64Array;

  constructor(length: number) {
    this.sums = new Float64Array(length);
    this.lost = new Float64Array(length);
  }

  add(index: number, term: number): void {
    const sum = this.sums[index]!;
    const next = sum + term;
    this.lost[index] = this.lost[index]! + (Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum);
    this.sums[index] = next;
  }

  valueAt(index: number): number {
    return this.sums[index]! + this.lost[index]!;
  }

  /** Every sum, as a plain array. */
  values(): number[] {
    return Array.from(this.sums, (sum, i) => sum + this.lost[i]!);
  }
}
