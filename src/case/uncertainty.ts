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
 *   ± costPercent around the amount (basis "user", 10 % unless set); the
 *   same cost in several alternatives (kind, amount, escalation and timing
 *   alike, whatever its label: the same contract) is one input drawn once,
 *   "cost:A/0,B/0", so it moves both alike and does not blur which
 *   alternative beats the other.
 * Stage D items count in no total, so they draw nothing. An item whose
 * factor changes by year is one input all the same: its multiplier scales
 * the value of every year alike (item-coefficients.ts).
 *
 * Example: two alternatives both using `fuel.diesel.b-avg` and one chair of
 * inline factor each → inputs factor:fuel.diesel.b-avg, inline:A/1,
 * inline:B/1, and one cost input per cost item.
 */
import { costRange, runMonteCarlo, type MonteCarloModel } from "../core/finance/monte-carlo.js";
import type { UncertainInput } from "../core/finance/types.js";
import type { ResolvedCase, ResolvedCostItem } from "../core/types.js";
import { uncertaintyOf } from "../factors/uncertainty.js";
import type { CaseContext } from "./resolve.js";
import type { ResultDocument } from "./result-schema.js";
import type { UncertaintyOptions } from "./uncertainty-bounds.js";

export type UncertaintyJson = NonNullable<ResultDocument["uncertainty"]>;

/**
 * What makes two cost items the same cost: everything that decides their
 * payments (the label is left out: the same contract is often described a
 * little differently in each alternative).
 */
function sameCostKey(item: ResolvedCostItem): string {
  return JSON.stringify([item.kind, item.amount.toString(), item.escalation.toString(), item.at ?? null, item.every ?? null, item.life ?? null]);
}

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
  // The same cost in several alternatives (the same contract: kind, amount, escalation and timing) is one uncertain amount, drawn once.
  const byCost = new Map<string, number>();
  const costInputs = resolved.alternatives.map((alt) =>
    alt.costs.map((item, i) => {
      const same = sameCostKey(item);
      const shared = byCost.get(same);
      if (shared !== undefined) {
        inputs[shared]!.key += `,${alt.id}/${i}`;
        return shared;
      }
      const index = add({ key: `cost:${alt.id}/${i}`, kind: "cost", label: item.label, range: { distribution: costRange(costPercent), basis: "user" } });
      byCost.set(same, index);
      return index;
    }),
  );
  return { inputs, emissionInputs, costInputs };
}

/** The block as the result document carries it. */
export function uncertaintyBlock(resolved: ResolvedCase, context: CaseContext, options: UncertaintyOptions): UncertaintyJson {
  return runMonteCarlo(resolved, uncertaintyModel(resolved, context, options.costPercent), { samples: options.samples, seed: options.seed });
}
