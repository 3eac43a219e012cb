/**
 * What the command line and the API accept for the Monte Carlo block
 * (docs/case-format.md, "Uncertainty (Monte Carlo)"), apart from the engine
 * so that reading the options costs a command nothing it does not run:
 * samples 1 … 100 000; a seed 0 … 2³² − 1 (the seeds the generator takes,
 * MAX_SEED in src/core/finance/random.ts); the ± % of every cost item,
 * 0 … 100, 10 unless given.
 */
import { randomInt } from "node:crypto";
import type { ResolvedCase } from "../core/types.js";
import type { Problem } from "./messages.js";

export const UNCERTAINTY_BOUNDS = {
  samples: { min: 1, max: 100_000 },
  seed: { min: 0, max: 0xffffffff },
  costPercent: { min: 0, max: 100, default: 10 },
} as const;

/**
 * What one Monte Carlo run may cost, whoever asks: each draw adds up every
 * item and draws every input (work ∝ draws × (items + inputs)), and keeps
 * three figures per alternative (memory ∝ draws × alternatives). 50 million
 * item-draws take about two seconds on one core; 2 million kept figures
 * per measure are 16 MB each. So a five-alternative case of 300 items
 * takes the full 100 000 draws, and the largest case the work budget
 * allows (50 000 items) 500.
 */
export const DRAW_BUDGET = { itemDraws: 50_000_000, keptFigures: 2_000_000 } as const;

/** The most draws a case may have: the bound, or less for a large case (DRAW_BUDGET). */
export function maxSamplesFor(resolved: Pick<ResolvedCase, "alternatives">): number {
  const items = resolved.alternatives.reduce((n, a) => n + a.emissions.length + a.costs.length, 0);
  // every item is at most one input of its own: items counts the inputs too
  const byWork = Math.floor(DRAW_BUDGET.itemDraws / Math.max(1, 2 * items));
  const byMemory = Math.floor(DRAW_BUDGET.keptFigures / Math.max(1, resolved.alternatives.length));
  return Math.max(UNCERTAINTY_BOUNDS.samples.min, Math.min(UNCERTAINTY_BOUNDS.samples.max, byWork, byMemory));
}

/** A problem at `path` (the option's name) when a case may not have that many draws, else null. */
export function samplesProblem(resolved: Pick<ResolvedCase, "alternatives">, samples: number, path: string): Problem | null {
  const limit = maxSamplesFor(resolved);
  if (samples <= limit) return null;
  const items = resolved.alternatives.reduce((n, a) => n + a.emissions.length + a.costs.length, 0);
  return { path, code: "limit-samples", params: { limit: String(limit), items: String(items) } };
}

/** Checked against UNCERTAINTY_BOUNDS by the caller; the engine trusts them. */
export type UncertaintyOptions = { samples: number; seed: number; costPercent: number };

/** A seed from the operating system's random source, 0 … 2³² − 1, for a run that names none (it is written in the result). */
export function drawSeed(): number {
  return randomInt(0, UNCERTAINTY_BOUNDS.seed.max + 1);
}
