/**
 * The bundled shadow carbon price paths (Finansdepartementet, R-109/21,
 * "Karbonprisbaner for bruk i samfunnsøkonomiske analyser"). From set
 * 2025-2 each path is stated in the kroner of its own price level and is
 * rebased to the case's price year with the consumer price index:
 *
 *   price in the case's kroner = table price × CPI(price year) / CPI(price level)
 *
 * Set 2025-1 holds one path, used as published (so filed reports
 * reproduce). Example: 2 000 NOK (2024 kroner) with CPI 2024 = 134.8 and
 * CPI 2025 = 138.0 → 2 000 × 138.0 / 134.8 = 2 047.48 NOK (2025 kroner).
 */
import { Decimal } from "../core/decimal.js";
import type { Economics, Source } from "../factors/schema.js";
import type { ProblemCode } from "./messages.js";

export type BundledCarbonPath = {
  id: "non-ets" | "ets" | "as-published";
  /** The kroner year of the table, or null where the set does not say (2025-1). */
  priceLevelYear: number | null;
  /** The kroner year the prices were rebased to, or null when used as published. */
  rebasedTo: number | null;
  firstYear: number;
  lastYear: number;
  source: Source;
};

type Found = { ok: true; prices: Map<number, Decimal>; path: BundledCarbonPath } | { ok: false; code: ProblemCode; params: Record<string, string> };

function years(table: Record<string, string>): number[] {
  return Object.keys(table).map(Number).sort((a, b) => a - b);
}

export function bundledCarbonPath(economics: Economics, name: "default" | "non-ets" | "ets", priceYear: number): Found {
  const single = economics.carbonPricePath;
  if (single !== undefined) {
    if (name !== "default") return { ok: false, code: "unknown-carbon-path", params: { options: "default" } };
    const ys = years(single.nokPerTonne);
    const prices = new Map(ys.map((y) => [y, new Decimal(single.nokPerTonne[String(y)]!)]));
    return { ok: true, prices, path: { id: "as-published", priceLevelYear: null, rebasedTo: null, firstYear: ys[0]!, lastYear: ys.at(-1)!, source: single.source } };
  }
  const paths = economics.carbonPricePaths ?? [];
  const id = name === "default" ? "non-ets" : name;
  const path = paths.find((p) => p.id === id);
  if (!path) return { ok: false, code: "unknown-carbon-path", params: { options: ["default", ...paths.map((p) => p.id)].join(", ") } };
  const index = economics.priceIndex.values;
  const to = index[String(priceYear)];
  const from = index[String(path.priceLevelYear)];
  if (to === undefined || from === undefined) return { ok: false, code: "price-year", params: { year: String(to === undefined ? priceYear : path.priceLevelYear), options: Object.keys(index).sort().join(", ") } };
  const factor = new Decimal(to).div(new Decimal(from));
  const ys = years(path.nokPerTonne);
  const prices = new Map(ys.map((y) => [y, new Decimal(path.nokPerTonne[String(y)]!).mul(factor)]));
  return { ok: true, prices, path: { id, priceLevelYear: path.priceLevelYear, rebasedTo: priceYear, firstYear: ys[0]!, lastYear: ys.at(-1)!, source: path.source } };
}
