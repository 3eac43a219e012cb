/**
 * The finance page and the decision memo asked without a seed answer a
 * redirect (303 See Other) to the same address with a drawn seed added, so
 * that a reload shows the same figures and the address can be shared. The
 * other query values stay as typed (the language too); an empty `seed=`
 * (the form's field left empty: "new draws") is replaced where it stood.
 *
 * Example: /cases/c1/memo?a=A&b=B&seed=&lang=en → /cases/c1/memo?a=A&b=B&seed=1804289383&lang=en
 */
import { randomInt } from "node:crypto";
import { FINANCE_LIMITS } from "../../case/finance-view.js";
import { financeQueryOf } from "../view-models/finance-form.js";

/** True when the query gives no seed (none, or only blanks): the page redirects to one with a drawn seed. */
export function wantsDrawnSeed(query: unknown): boolean {
  return financeQueryOf(query).seed.trim() === "";
}

/** A seed within the finance page's bounds, drawn from the system's random source. */
export function drawSeed(): number {
  return randomInt(FINANCE_LIMITS.seed.min, FINANCE_LIMITS.seed.max + 1);
}

/** The address asked for (`req.originalUrl`: path and query), with `seed` set to the drawn one. */
export function withDrawnSeed(originalUrl: string, seed: number = drawSeed()): string {
  const url = new URL(originalUrl, "http://kalkyle.invalid");
  url.searchParams.set("seed", String(seed));
  return `${url.pathname}${url.search}`;
}
