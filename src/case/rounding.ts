/**
 * Figures rounded to what the data supports, for files a user keeps (the
 * CSV and the Excel workbook): kg CO2e to one decimal, kroner whole,
 * half away from zero, and never "−0". The exact decimals stay in the
 * result document; these are the numbers a spreadsheet shows.
 *
 * Example: roundedKg(new Decimal("142.549")) → 142.5; roundedNok(new Decimal("-0.4")) → 0
 */
import { Decimal } from "../core/decimal.js";

const rounded = (d: Decimal, places: number): number => {
  const r = d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  return r.isZero() ? 0 : r.toNumber();
};

export const roundedKg = (d: Decimal): number => rounded(d, 1);
export const roundedNok = (d: Decimal): number => rounded(d, 0);
/** A ratio such as the savings-to-investment ratio: two decimals (1.297 7 → 1.3). */
export const roundedRatio = (d: Decimal): number => rounded(d, 2);
/** A rate as a fraction, to a tenth of a percent (0.067 46 → 0.067 5, shown 6.7 %). */
export const roundedRate = (d: Decimal): number => rounded(d, 4);
