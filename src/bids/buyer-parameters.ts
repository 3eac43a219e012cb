/**
 * What the buyer fixes for every bid of a case: the analysis (period,
 * start year, discount rate, carbon price), the factor set and the
 * electricity factor, and the items every alternative of the case already
 * has exactly alike (the municipality's own costs, say). The template
 * shows them; the import adds the fixed items to the bid and refuses a
 * form made under other parameters (the fingerprint differs).
 *
 * Example: alternatives A and B both hold { kind: "other", amount: 20000 }
 * → that cost is fixed and is added to every imported bid; a case of one
 * alternative fixes no item.
 */
import { createHash } from "node:crypto";
import type { CaseDocument, CostItemInput, EmissionItemInput } from "../case/schema.js";
import type { FactorLibrary, FactorSet } from "../factors/factor-set.js";
import type { FactorRecord } from "../factors/schema.js";

export type BuyerParameters = {
  set: FactorSet;
  electricity: FactorRecord;
  fixed: { emissions: EmissionItemInput[]; costs: CostItemInput[] };
  /** sha256 of the analysis, the factor set and the electricity factor: what a form's figures depend on. */
  fingerprint: string;
};

/** The items of the first alternative that every other alternative has exactly alike; none with fewer than two alternatives. */
function commonItems<T>(lists: readonly (readonly T[])[]): T[] {
  if (lists.length < 2) return [];
  const others = lists.slice(1).map((items) => new Set(items.map((item) => JSON.stringify(item))));
  return lists[0]!.filter((item) => others.every((set) => set.has(JSON.stringify(item))));
}

/** For a case that passed checkCase (its set and electricity factor exist). */
export function buyerParameters(doc: CaseDocument, library: FactorLibrary): BuyerParameters {
  const set = library.sets.get(doc.factorSet ?? library.newest)!;
  const electricity = set.records.get(doc.analysis.electricity ?? set.manifest.defaults.electricity)!;
  const fixed = { emissions: commonItems(doc.alternatives.map((a) => a.emissions)), costs: commonItems(doc.alternatives.map((a) => a.costs)) };
  const fingerprint = createHash("sha256")
    .update(JSON.stringify({ analysis: doc.analysis, factorSet: set.id, electricity: electricity.id }))
    .digest("hex");
  return { set, electricity, fixed, fingerprint: `sha256:${fingerprint}` };
}
