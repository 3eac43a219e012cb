/**
 * DFØ's high-risk list ("Høyrisikolisten", anskaffelser.no): the product
 * categories with a documented high risk of human-rights breaches in the
 * supply chain, each linked to the purchase categories it falls under, so
 * that the screening's hot spots flag them and one screening serves both
 * the climate area and the due-diligence area of the strategy.
 *
 * Read and checked once from emission-factors/mappings/hoyrisiko-dfo.json;
 * only what the published pages say is in it (see the README there).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { formatPath } from "../case/paths.js";
import { PURCHASE_CATEGORY_IDS, type PurchaseCategory } from "../core/climate/categories.js";
import { DEFAULT_MAPPING_DIR } from "./default-mapping.js";

export const HIGH_RISK_FILE = join(DEFAULT_MAPPING_DIR, "hoyrisiko-dfo.json");

const localized = z.strictObject({ nb: z.string().min(1), en: z.string().min(1) });

const listSchema = z.strictObject({
  id: z.string().min(1),
  title: localized,
  publisher: z.string().min(1),
  url: z.url(),
  year: z.number().int().min(2000).max(2100),
  version: z.string().min(1),
  licence: z.string().min(1),
  categories: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        name: localized,
        url: z.url(),
        purchaseCategories: z.array(z.enum(PURCHASE_CATEGORY_IDS as [PurchaseCategory, ...PurchaseCategory[]])),
        note: localized,
      }),
    )
    .min(1),
  notFound: z.string().min(1),
});

export type HighRiskList = z.infer<typeof listSchema>;

export class HighRiskListError extends Error {
  constructor(readonly problems: string[]) {
    super(`DFØ's high-risk list did not load:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}

export function loadHighRiskList(file: string = HIGH_RISK_FILE): HighRiskList {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new HighRiskListError([`${file}: not readable JSON (${(error as Error).message})`]);
  }
  const parsed = listSchema.safeParse(data);
  if (!parsed.success) throw new HighRiskListError(parsed.error.issues.map((issue) => `${file}: ${formatPath(issue.path)}: ${issue.message}`));
  return parsed.data;
}

let cached: { list: HighRiskList; categories: ReadonlySet<PurchaseCategory> } | undefined;

function loaded() {
  if (!cached) {
    const list = loadHighRiskList();
    cached = { list, categories: new Set(list.categories.flatMap((c) => c.purchaseCategories)) };
  }
  return cached;
}

/** The list as shipped: its categories with their pages and the purchase categories each falls under. */
export function highRiskList(): HighRiskList {
  return loaded().list;
}

export function isHighRiskCategory(category: PurchaseCategory): boolean {
  return loaded().categories.has(category);
}

/** The purchase categories the list flags, in the order of PURCHASE_CATEGORIES. */
export function highRiskCategories(): PurchaseCategory[] {
  const flagged = loaded().categories;
  return PURCHASE_CATEGORY_IDS.filter((id) => flagged.has(id));
}

/** What to cite beside a flag: the list's title (nb, its own name; `titles` has both languages), address and year. */
export function highRiskSource(): { title: string; titles: { nb: string; en: string }; publisher: string; url: string; year: number } {
  const { title, publisher, url, year } = loaded().list;
  return { title: title.nb, titles: title, publisher, url, year };
}
