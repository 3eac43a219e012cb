/**
 * Shadow carbon price path (R-109/21, "karbonprisbaner"): NOK per tonne
 * CO2e by calendar year. Between given years the price is linear; before
 * the first and after the last given year it stays flat.
 *
 * Example: { 2026: 1500, 2030: 2000 } → 2028: 1750, 2020: 1500, 2040: 2000
 */
import { Decimal } from "./decimal.js";

export function carbonPriceIn(path: ReadonlyMap<number, Decimal>, year: number): Decimal {
  const years = [...path.keys()].sort((a, b) => a - b);
  const first = years[0]!;
  const last = years[years.length - 1]!;
  if (year <= first) return path.get(first)!;
  if (year >= last) return path.get(last)!;
  const upper = years.find((y) => y >= year)!;
  const lower = years[years.indexOf(upper) - 1]!;
  if (upper === year) return path.get(upper)!;
  const lowPrice = path.get(lower)!;
  const highPrice = path.get(upper)!;
  return lowPrice.plus(highPrice.minus(lowPrice).mul(year - lower).div(upper - lower));
}
