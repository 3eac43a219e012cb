/**
 * The waste-pyramid level of an end-of-life route. Composting and anaerobic
 * digestion return nutrients and organic matter to use: material recycling
 * under the EU Waste Framework Directive (2008/98/EC, art. 3(17)) and in
 * Norwegian practice, not other recovery. Set 2025-1 tags those routes
 * "recover"; the rule is applied here so that a hint is the same whatever
 * set a case names.
 */
import type { FactorRecord } from "./schema.js";

type WasteLevel = NonNullable<FactorRecord["wasteLevel"]>;

const ORGANIC_RECYCLING = /\.(composting|anaerobic-digestion)$/;

export function wasteRouteLevel(record: Pick<FactorRecord, "id" | "wasteLevel">): WasteLevel | undefined {
  if (record.wasteLevel === undefined) return undefined;
  return ORGANIC_RECYCLING.test(record.id) ? "recycle" : record.wasteLevel;
}
