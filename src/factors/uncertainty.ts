/**
 * The range an emission factor may take, for the sensitivity analysis and
 * the Monte Carlo draws: the range its source publishes where there is one
 * (basis "published"), else the default for its kind of data from the
 * pedigree approach of the ecoinvent data quality guideline (basis
 * "default", shown as a default wherever it is shown). Which kind of data a
 * factor is:
 *
 * - spend-based: a spend record (EXIOBASE), or any item with a spend amount;
 * - product-specific: an inline factor (the user typed a value from the
 *   product's EPD), factor id null;
 * - generic-activity: every other record of a set (DESNZ, IPCC, NVE, EEA,
 *   SIMIEN, SINTEF, Miljødirektoratet): averages of an activity.
 *
 * A range is a distribution over a multiplier of the factor as used (1 = as
 * published). The data are in emission-factors/uncertainty/, beside the sets.
 */
import { multiplierEnds } from "../core/finance/range-ends.js";
import type { DataKind, InputRange } from "../core/finance/types.js";
import type { EmissionKind } from "../core/types.js";
import { citation, citationParts } from "./citation.js";
import type { FactorSet } from "./factor-set.js";
import { CHOSEN_ELECTRICITY } from "./resolve-factor.js";
import type { FactorRecord } from "./schema.js";
import { loadUncertaintyData, type UncertaintyData } from "./uncertainty-data.js";

let loaded: UncertaintyData | undefined;
/** The bundled uncertainty data, read once on first use. */
export function uncertaintyData(): UncertaintyData {
  return (loaded ??= loadUncertaintyData());
}

/**
 * The default range of a kind of data: log-normal with median 1 and the GSD
 * its pedigree scores give, cited to the method with the scores.
 *
 * Example: defaultRange("generic-activity") → { lognormal, gsd 1.1029 },
 *   basis "default", citation "ecoinvent Centre, Overview and methodology. … (2013), Table 10.5, …, pedigree scores 2, 2, 2, 3, 3. https://…"
 */
export function defaultRange(dataKind: DataKind, data: UncertaintyData = uncertaintyData()): InputRange {
  const d = data.defaults.get(dataKind)!;
  const { text, url } = citationParts(data.method.source);
  const scores = Object.values(d.scores).join(", ");
  return { distribution: { shape: "lognormal", gsd: d.gsd }, basis: "default", dataKind, citation: `${text}, pedigree scores ${scores}${url === null ? "" : `. ${url}`}` };
}

/** A range the record itself carries (low and high in its unit) as a triangular multiplier around its value. */
function recordRange(record: FactorRecord): InputRange | undefined {
  if (record.uncertainty === undefined) return undefined;
  const value = Number(record.value);
  const [low, high] = [Number(record.uncertainty.low) / value, Number(record.uncertainty.high) / value];
  if (!(value > 0 && low > 0 && low <= 1 && high >= 1)) return undefined;
  return { distribution: { shape: "triangular", low, mode: 1, high }, basis: "published", citation: citation(record.source) };
}

/**
 * The range of the factor an emission item uses.
 *
 * Examples (set 2025-2):
 *   uncertaintyOf(set, "fuel.diesel.b-avg", { kind: "machinery" }) → default, generic-activity, lognormal GSD 1.1029
 *   uncertaintyOf(set, "spend.p01-d-vegetables-fruit-nuts", { kind: "spend", spend: … }) → default, spend-based, GSD 1.2355
 *   uncertaintyOf(set, null, { kind: "material" }) → default, product-specific, GSD 1.0395
 */
export function uncertaintyOf(set: FactorSet, factorId: string | null, item: { kind: EmissionKind; spend?: unknown }): InputRange {
  const data = uncertaintyData();
  const id = factorId === CHOSEN_ELECTRICITY ? set.manifest.defaults.electricity : factorId;
  const record = id === null ? undefined : set.records.get(id);
  if (record !== undefined) {
    const own = recordRange(record);
    if (own !== undefined) return own;
    const published = data.published.get(record.id);
    if (published !== undefined) return { distribution: published.distribution, basis: "published", citation: citation(published.source) };
  }
  if (item.spend !== undefined || item.kind === "spend" || record?.group === "spend") return defaultRange("spend-based", data);
  if (factorId === null) return defaultRange("product-specific", data);
  return defaultRange("generic-activity", data);
}

/**
 * The low and high multipliers the sensitivity analysis tries: the 2.5 % and
 * 97.5 % points of a log-normal (GSD^∓1.96), the bounds of a triangular or
 * uniform range.
 *
 * Examples: lognormal GSD 1.1029 → 1.1029^−1.96 = 0.8253 … 1.1029^1.96 = 1.2116;
 *   triangular 0.9, 1, 1.2 → 0.9 … 1.2.
 */
export function rangeEnds(range: InputRange): { low: number; high: number } {
  return multiplierEnds(range.distribution);
}
