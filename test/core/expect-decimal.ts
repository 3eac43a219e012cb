/** Assertions on exact decimals: equal to the digit, or within a relative tolerance. */
import { expect } from "vitest";
import { Decimal } from "../../src/core/decimal.js";

/** Exactly equal, digit for digit. */
export function expectExact(actual: Decimal, expected: string | number): void {
  expect(actual.toString(), `expected exactly ${expected}`).toBe(new Decimal(expected).toString());
}

/** |actual − expected| ≤ rel × |expected| (or ≤ rel when expected is 0). */
export function expectClose(actual: Decimal | number, expected: string | number | Decimal, rel = 1e-9): void {
  const a = new Decimal(actual);
  const e = new Decimal(expected);
  const bound = e.isZero() ? new Decimal(rel) : e.abs().mul(rel);
  expect(a.minus(e).abs().lte(bound), `${a.toString()} is not within ${rel} (relative) of ${e.toString()}`).toBe(true);
}
