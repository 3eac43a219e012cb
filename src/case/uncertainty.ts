/**
 * The `uncertainty` block of a result (docs/case-format.md, "Uncertainty
 * (Monte Carlo)"): what each item of a checked case may vary by, then the
 * draws (src/core/finance/monte-carlo.ts).
 *
 * - An emission item with a factor of the set varies with that factor: one
 *   input "factor:<id>", drawn once per draw and shared by every item in
 *   every alternative that uses it, over the factor's range
 *   (src/factors/uncertainty.ts: its source's published range, else the
 *   default for its kind of data, marked "default").
 * - An item with an inline factor is its own input, "inline:<alternative>/<index>".
 * - A cost item is its own input, "cost:<alternative>/<index>", triangular
 *   ± costPercent around the amount (basis "user", 10 % unless set).
 * Stage D items count in no total, so they draw nothing.
 *
 * Example: two alternatives both using `fuel.diesel.b-avg` and one chair of
 * inline factor each → inputs factor:fuel.diesel.b-avg, inline:A/1,
 * inline:B/1, and one cost input per cost item.
 */
import { costRange, runMonteCarlo, type MonteCarloModel } from "../core/finance/monte-carlo.js";
import type { UncertainInput } from "../core/finance/types.js";
import type { ResolvedCase } from "../core/types.js";
import { uncertaintyOf } from "../factors/uncertainty.js";
import type { CaseContext } from "./resolve.js";
import type { ResultDocument } from "./result-schema.js";
import type { UncertaintyOptions } from "./uncertainty-bounds.js";

export type UncertaintyJson = NonNullable<ResultDocument["uncertainty"]>;

/** The inputs of a case and which one multiplies each item. */
export function uncertaintyModel(resolved: ResolvedCase, context: CaseContext, costPercent: number): MonteCarloModel {
  const inputs: UncertainInput[] = [];
  const byFactor = new Map<string, number>();
  const add = (input: UncertainInput) => inputs.push(input) - 1;
  const emissionInputs = resolved.alternatives.map((alt) =>
    alt.emissions.map((item, i) => {
      if (item.stage === "D") return -1;
      if (item.factor === null) return add({ key: `inline:${alt.id}/${i}`, kind: "factor", label: item.label, range: uncertaintyOf(context.set, null, item) });
      let index = byFactor.get(item.factor);
      if (index === undefined) {
        const name = context.set.records.get(item.factor)?.names.nb ?? item.factor;
        byFactor.set(item.factor, (index = add({ key: `factor:${item.factor}`, kind: "factor", label: name, range: uncertaintyOf(context.set, item.factor, item) })));
      }
      return index;
    }),
  );
  const costInputs = resolved.alternatives.map((alt) =>
    alt.costs.map((item, i) => add({ key: `cost:${alt.id}/${i}`, kind: "cost", label: item.label, range: { distribution: costRange(costPercent), basis: "user" } })),
  );
  return { inputs, emissionInputs, costInputs };
}

/** The block as the result document carries it. */
export function uncertaintyBlock(resolved: ResolvedCase, context: CaseContext, options: UncertaintyOptions): UncertaintyJson {
  return runMonteCarlo(resolved, uncertaintyModel(resolved, context, options.costPercent), { samples: options.samples, seed: options.seed });
}
