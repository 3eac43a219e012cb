/**
 * The purchase categories that join the adviser's baseline, the ledger
 * screening (each mapped account lands in one) and the buyers' recorded
 * decisions, so that one category means the same on every page; and the
 * four areas of the municipality's procurement strategy a decision is
 * filed under. Ids are stable (stored and in the API); names are shown.
 */
export const PURCHASE_CATEGORIES = {
  "construction": { nb: "Bygg og anlegg", en: "Buildings and construction" },
  "transport": { nb: "Transport og kjøretøy", en: "Transport and vehicles" },
  "energy": { nb: "Energi", en: "Energy" },
  "food": { nb: "Mat og drikke", en: "Food and drink" },
  "ict": { nb: "IKT-utstyr og -tjenester", en: "ICT equipment and services" },
  "furniture": { nb: "Møbler og inventar", en: "Furniture and fittings" },
  "textiles": { nb: "Tekstiler og arbeidstøy", en: "Textiles and workwear" },
  "medical": { nb: "Medisinsk utstyr og forbruksmateriell", en: "Medical equipment and supplies" },
  "supplies": { nb: "Kontor- og forbruksmateriell", en: "Office and consumable supplies" },
  "services": { nb: "Konsulent- og andre tjenester", en: "Consultancy and other services" },
  "travel": { nb: "Reiser og opphold", en: "Travel and accommodation" },
  "waste-water": { nb: "Avfall, vann og avløp", en: "Waste, water and sewage" },
  "other": { nb: "Annet", en: "Other" },
} as const satisfies Record<string, { nb: string; en: string }>;

export type PurchaseCategory = keyof typeof PURCHASE_CATEGORIES;
export const PURCHASE_CATEGORY_IDS = Object.keys(PURCHASE_CATEGORIES) as PurchaseCategory[];

export function isPurchaseCategory(value: unknown): value is PurchaseCategory {
  return typeof value === "string" && Object.hasOwn(PURCHASE_CATEGORIES, value);
}

/** The strategy areas of the municipality's procurement strategy (the four of the national strategy for public procurement). */
export const STRATEGY_AREAS = {
  "climate-environment": { nb: "Klima og miljø", en: "Climate and environment" },
  "ethics-human-rights": { nb: "Etikk og menneskerettigheter", en: "Ethics and human rights" },
  "animal-welfare": { nb: "Dyrevelferd", en: "Animal welfare" },
  "integrity-labour": { nb: "Seriøsitet, korrupsjon og arbeidstakerrettigheter", en: "Integrity, corruption and workers' rights" },
} as const satisfies Record<string, { nb: string; en: string }>;

export type StrategyArea = keyof typeof STRATEGY_AREAS;
export const STRATEGY_AREA_IDS = Object.keys(STRATEGY_AREAS) as StrategyArea[];
