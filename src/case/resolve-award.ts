/**
 * Checks a case's `award` section against the rest of the case and
 * resolves it for the core (docs/case-format.md, "Award points"): the
 * weights add up to 100; exactly one of price and LCC; climate and quality
 * at most once each; a scoring model for price, LCC and climate and none for
 * quality; quality points for bids only, none above the maximum; interval bands ascending with points that never rise; scoring on
 * marked-up CO2e only where the case sets mark-ups. Each problem is placed
 * at its path (award.criteria[1].weight).
 *
 * Quality points left out for a bid are not a problem: the buyer judges
 * quality after the bids are in, so a bid is imported before its points
 * exist. Until every bid has them the award is not resolved (the case
 * evaluates without award points) and the result warns, naming the bids
 * (src/case/warnings.ts, "award-quality-missing").
 *
 * The reference carbon price the implied prices are set beside: the case's
 * own path when it gives one (a named bundled path counts as R-109), else
 * the set's default R-109 path in the case's kroner.
 */
import { Decimal } from "../core/decimal.js";
import type { AwardModel, ResolvedAward, ResolvedAwardCriterion } from "../core/types.js";
import type { FactorSet } from "../factors/factor-set.js";
import { bundledCarbonPath } from "./carbon-path.js";
import type { ProblemCode } from "./messages.js";
import { formatPath } from "./paths.js";
import type { AwardInput, CaseDocument } from "./schema.js";

type Add = (path: string, code: ProblemCode, params?: Record<string, string>) => void;
type ModelInput = NonNullable<AwardInput["criteria"][number]["model"]>;

const HUNDRED = new Decimal(100);
const DEFAULT_MAX_POINTS = 10;

const at = (...keys: PropertyKey[]) => formatPath(["award", ...keys]);

function checkKinds(award: AwardInput, add: Add): void {
  const sum = award.criteria.reduce((total, c) => total.plus(new Decimal(String(c.weight))), new Decimal(0));
  if (!sum.equals(HUNDRED)) add(at("criteria"), "award-weights-sum", { sum: sum.toString() });
  const seen = new Set<string>();
  award.criteria.forEach((c, i) => {
    const group = c.kind === "lcc" ? "price" : c.kind;
    if (seen.has(group)) add(at("criteria", i, "kind"), group === "price" ? "award-cost-twice" : group === "climate" ? "award-climate-twice" : "award-quality-twice");
    seen.add(group);
  });
  if (!seen.has("price")) add(at("criteria"), "award-no-cost");
}

function resolveModel(model: ModelInput, i: number, max: Decimal, add: Add): AwardModel {
  if (model.type === "linear") return { type: "linear", zeroAt: new Decimal(String(model.zeroAt)) };
  if (model.type === "proportional") return { type: "proportional" };
  const bands = model.bands.map((b) => ({ upTo: new Decimal(String(b.upTo)), points: new Decimal(String(b.points)) }));
  bands.forEach((band, j) => {
    const previous = bands[j - 1];
    if (previous && !band.upTo.greaterThan(previous.upTo)) add(at("criteria", i, "model", "bands", j, "upTo"), "award-bands-order", { upTo: band.upTo.toString(), previous: previous.upTo.toString() });
    if (band.points.greaterThan(max)) add(at("criteria", i, "model", "bands", j, "points"), "award-points-above-max", { points: band.points.toString(), max: max.toString() });
    else if (previous && band.points.greaterThan(previous.points)) add(at("criteria", i, "model", "bands", j, "points"), "award-bands-points", { points: band.points.toString(), previous: previous.points.toString() });
  });
  return { type: "intervals", bands };
}

/** The bids a quality criterion gives no points to, in the order of the case: the award waits for them. */
export function bidsWithoutQualityPoints(doc: Pick<CaseDocument, "award" | "alternatives">): { id: string; name: string }[] {
  const quality = doc.award?.criteria.find((c) => c.kind === "quality");
  if (quality === undefined) return [];
  const given = quality.points ?? {};
  return doc.alternatives.filter((a) => !Object.hasOwn(given, a.id)).map((a) => ({ id: a.id, name: a.name }));
}

function qualityPoints(given: Record<string, number> | undefined, i: number, bids: readonly { id: string }[], max: Decimal, add: Add): Map<string, Decimal> {
  const ids = bids.map((b) => b.id);
  const points = new Map(Object.entries(given ?? {}).map(([id, p]) => [id, new Decimal(String(p))]));
  for (const [id, p] of points) {
    if (!ids.includes(id)) add(at("criteria", i, "points", id), "award-quality-unknown", { id, options: ids.join(", ") });
    else if (p.greaterThan(max)) add(at("criteria", i, "points", id), "award-points-above-max", { points: p.toString(), max: max.toString() });
  }
  return points;
}

function resolveCriterion(c: AwardInput["criteria"][number], i: number, bids: readonly { id: string; name: string }[], max: Decimal, add: Add): ResolvedAwardCriterion | undefined {
  const weight = new Decimal(String(c.weight));
  if (c.kind === "quality") {
    if (c.model !== undefined) add(at("criteria", i, "model"), "award-model-quality");
    return { kind: "quality", weight, points: qualityPoints(c.points, i, bids, max, add) };
  }
  if (c.points !== undefined) add(at("criteria", i, "points"), "award-points-not-quality");
  if (c.model === undefined) return void add(at("criteria", i, "model"), "award-model-required");
  return { kind: c.kind, weight, model: resolveModel(c.model, i, max, add) };
}

/** The reference path: the case's own prices (`casePrices`, from analysis.carbonPrice), else the set's default R-109 path. */
function referencePath(doc: CaseDocument, casePrices: ReadonlyMap<number, Decimal> | null, set: FactorSet, priceYear: number, add: Add): ResolvedAward["reference"] | undefined {
  const given = doc.analysis.carbonPrice;
  if (casePrices !== null) return { source: typeof given === "object" ? "case" : "r109", prices: casePrices };
  // a named path that did not resolve is already a problem at analysis.carbonPrice
  if (given !== undefined) return undefined;
  const found = bundledCarbonPath(set.economics, "default", priceYear);
  if (!found.ok) return void add("award", found.code, { id: "default", set: set.id, ...found.params });
  return { source: "r109", prices: found.prices };
}

export function resolveAward(doc: CaseDocument, casePrices: ReadonlyMap<number, Decimal> | null, set: FactorSet, priceYear: number, add: Add): ResolvedAward | undefined {
  const award = doc.award;
  if (award === undefined) return undefined;
  const max = new Decimal(String(award.maxPoints ?? DEFAULT_MAX_POINTS));
  checkKinds(award, add);
  if (award.useMarkedUp && doc.dataQuality === undefined) add(at("useMarkedUp"), "award-marked-up-needs-markup");
  const bids = doc.alternatives.map((a) => ({ id: a.id, name: a.name }));
  const criteria = award.criteria.map((c, i) => resolveCriterion(c, i, bids, max, add));
  const reference = referencePath(doc, casePrices, set, priceYear, add);
  if (reference === undefined || criteria.some((c) => c === undefined)) return undefined;
  // valid, but not computed until every bid has its quality points (a warning says which)
  if (bidsWithoutQualityPoints(doc).length > 0) return undefined;
  return { maxPoints: max, criteria: criteria as ResolvedAwardCriterion[], useMarkedUp: award.useMarkedUp === true, reference };
}
