/**
 * What the command line and the API accept for the Monte Carlo block
 * (docs/case-format.md, "Uncertainty (Monte Carlo)"), apart from the engine
 * so that reading the options costs a command nothing it does not run:
 * samples 1 … 100 000; a seed 0 … 2³² − 1 (the seeds the generator takes,
 * MAX_SEED in src/core/finance/random.ts); the ± % of every cost item,
 * 0 … 100, 10 unless given.
 */
import { randomInt } from "node:crypto";

export const UNCERTAINTY_BOUNDS = {
  samples: { min: 1, max: 100_000 },
  seed: { min: 0, max: 0xffffffff },
  costPercent: { min: 0, max: 100, default: 10 },
} as const;

/** Checked against UNCERTAINTY_BOUNDS by the caller; the engine trusts them. */
export type UncertaintyOptions = { samples: number; seed: number; costPercent: number };

/** A seed from the operating system's random source, 0 … 2³² − 1, for a run that names none (it is written in the result). */
export function drawSeed(): number {
  return randomInt(0, UNCERTAINTY_BOUNDS.seed.max + 1);
}
