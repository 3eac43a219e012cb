/**
 * `kalkyle evaluate … --samples N [--seed S] [--cost-range P]`: the Monte
 * Carlo options as the command line gives them, checked here (the core
 * trusts them): N a whole number 1 … 100 000, S a whole number
 * 0 … 4 294 967 295 (drawn when not given, and written in the result so
 * the run can be repeated), P the ± % of every cost item, 0 … 100 (10
 * unless given). --seed and --cost-range mean nothing without --samples.
 *
 * Example: { samples: "10000", seed: "42" } → { samples: 10000, seed: 42, costPercent: 10 }.
 */
import { drawSeed, UNCERTAINTY_BOUNDS, type UncertaintyOptions } from "../case/uncertainty-bounds.js";

export type UncertaintyArgs = { samples?: string | undefined; seed?: string | undefined; costRange?: string | undefined };

/** What is wrong, as a key of the CLI's texts (cli-text.ts). */
export type UncertaintyRefusal = "samples" | "seed" | "cost-range" | "needs-samples";

type Parsed = { ok: true; options: UncertaintyOptions | null } | { ok: false; refusal: UncertaintyRefusal };

/** A whole number written in digits only, within bounds, or null. */
function wholeNumber(text: string, bounds: { min: number; max: number }): number | null {
  if (!/^\d{1,10}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= bounds.min && n <= bounds.max ? n : null;
}

/** A percentage with a decimal point or comma ("7.5", "7,5"), within bounds, or null. */
function percentage(text: string, bounds: { min: number; max: number }): number | null {
  if (!/^\d{1,3}([.,]\d{1,6})?$/.test(text.trim())) return null;
  const n = Number(text.trim().replace(",", "."));
  return n >= bounds.min && n <= bounds.max ? n : null;
}

/** The options, null when --samples is not given, or what is wrong. */
export function uncertaintyOptions(args: UncertaintyArgs, seedWhenMissing: () => number = drawSeed): Parsed {
  if (args.samples === undefined) return args.seed === undefined && args.costRange === undefined ? { ok: true, options: null } : { ok: false, refusal: "needs-samples" };
  const samples = wholeNumber(args.samples, UNCERTAINTY_BOUNDS.samples);
  if (samples === null) return { ok: false, refusal: "samples" };
  const seed = args.seed === undefined ? seedWhenMissing() : wholeNumber(args.seed, UNCERTAINTY_BOUNDS.seed);
  if (seed === null) return { ok: false, refusal: "seed" };
  const costPercent = args.costRange === undefined ? UNCERTAINTY_BOUNDS.costPercent.default : percentage(args.costRange, UNCERTAINTY_BOUNDS.costPercent);
  if (costPercent === null) return { ok: false, refusal: "cost-range" };
  return { ok: true, options: { samples, seed, costPercent } };
}
