/**
 * Orders and ranks for the award: a ranking keeps the case's order among
 * equal values (a stable sort), and equal totals share a rank, the next
 * rank skipping as many places as shared it (1, 1, 3).
 */
import type { Decimal } from "../decimal.js";

/** Ids by `key`, lowest first (or highest first with `descending`), ties in the given order. */
export function orderBy<T extends { id: string }>(items: readonly T[], key: (item: T) => Decimal, descending = false): string[] {
  const sign = descending ? -1 : 1;
  return items
    .map((item, index) => ({ item, index, value: key(item) }))
    .sort((a, b) => sign * a.value.comparedTo(b.value) || a.index - b.index)
    .map((entry) => entry.item.id);
}

/** Rank by total points, most first: 1 + the number of bids with strictly more points. */
export function sharedRanks(totals: readonly Decimal[]): number[] {
  return totals.map((total) => 1 + totals.filter((other) => other.greaterThan(total)).length);
}
