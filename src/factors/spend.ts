/**
 * Puts NOK spend onto a spend factor's basis: deflate from the case's price
 * year to the factor's price year with the consumer price index, then
 * convert at the factor price year's exchange rate (the method EXIOBASE
 * users follow: spend in 2019 EUR × kg CO2e per EUR). This closes the
 * currency and price-year gaps only; basic versus purchaser prices stays
 * a stated limitation of the factor.
 *
 * Example: 1 000 NOK (2024) → 1 000 × CPI2019/CPI2024 ÷ 9.85 EUR (2019)
 */
import { Decimal } from "../core/decimal.js";
import type { Economics } from "./schema.js";

export type SpendBasis = { currency: string; priceYear: number };

export function priceIndexYears(economics: Economics): number[] {
  return Object.keys(economics.priceIndex.values).map(Number).sort((a, b) => a - b);
}

/** The case's price year when it gives none: its start year, clamped to the years the index covers. */
export function defaultPriceYear(economics: Economics, startYear: number): number {
  const years = priceIndexYears(economics);
  const notAfter = years.filter((y) => y <= startYear);
  return notAfter.length > 0 ? notAfter[notAfter.length - 1]! : years[0]!;
}

export function exchangeRate(economics: Economics, currency: string, year: number): Decimal | null {
  if (currency === "NOK") return new Decimal(1);
  const rate = economics.exchangeRates.find((r) => r.currency === currency && r.year === year);
  return rate ? new Decimal(rate.nokPerUnit) : null;
}

/** Whether the set holds what converting to this basis needs. */
export function canConvertSpend(economics: Economics, basis: SpendBasis, priceYear: number): boolean {
  const index = economics.priceIndex.values;
  return index[String(priceYear)] !== undefined && index[String(basis.priceYear)] !== undefined && exchangeRate(economics, basis.currency, basis.priceYear) !== null;
}

/** Amount in the factor's currency and price year. Call canConvertSpend first. */
export function spendOnFactorBasis(nok: Decimal, priceYear: number, basis: SpendBasis, economics: Economics): Decimal {
  const index = economics.priceIndex.values;
  const deflated = nok.mul(new Decimal(index[String(basis.priceYear)]!)).div(new Decimal(index[String(priceYear)]!));
  return deflated.div(exchangeRate(economics, basis.currency, basis.priceYear)!);
}
