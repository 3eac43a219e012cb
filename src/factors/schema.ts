/**
 * The factor-file format (emission-factors/<set id>/*.json).
 *
 * Every record carries its provenance; a record without a source, unit or
 * value does not load. Values are decimal strings so that no binary float
 * ever sits between the published figure and the calculation.
 */
import { z } from "zod";

export const DECIMAL_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const decimalText = z.string().regex(DECIMAL_TEXT, "must be a decimal number written as text, e.g. \"2.51279\"");
const localizedText = z.strictObject({ nb: z.string().min(1), en: z.string().min(1) });

export const factorGroups = ["fuel", "electricity", "vehicle", "freight", "machinery", "material", "waste", "spend"] as const;
export type FactorGroup = (typeof factorGroups)[number];
export const stages = ["A1-A3", "A4", "A5", "B", "C", "D"] as const;
export const wasteLevels = ["prevent", "reuse", "recycle", "recover", "dispose"] as const;

export const sourceSchema = z.strictObject({
  publisher: z.string().min(1),
  title: z.string().min(1),
  year: z.number().int().min(1990).max(2100),
  table: z.string().min(1),
  url: z.url().optional(),
  licence: z.string().min(1),
  edition: z.string().min(1).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const factorRecordSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+([.-][a-z0-9]+)*$/, "ids are lowercase words joined by dots or hyphens"),
    group: z.enum(factorGroups),
    names: localizedText,
    value: decimalText,
    /**
     * A factor that changes by calendar year (docs/case-format.md, "Factors
     * that change by year"): the published value of each year, in the
     * record's unit. `value` is then the latest year's. Only on records in
     * kg CO2e (not on a chained record).
     */
    byYear: z.record(z.string().regex(/^\d{4}$/), decimalText).optional(),
    /** `kgCO2e/<unit>` (also g or t CO2e), or for a chained record `<quantity unit>/<unit>`, e.g. `kWh/km`. */
    unit: z.string().min(3),
    /** Chained record: the emission factor is value × the factor named here ("electricity" = the case's choice). */
    via: z.string().min(1).optional(),
    stage: z.enum(stages).optional(),
    electricityBasis: z.enum(["location", "market"]).optional(),
    wasteLevel: z.enum(wasteLevels).optional(),
    wasteStream: z.string().min(1).optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    priceYear: z.number().int().min(1990).max(2100).optional(),
    priceBasis: z.enum(["basic", "purchaser"]).optional(),
    gwp: z.string().min(1).optional(),
    /** "CO2": the value holds carbon dioxide only (no CH4, N2O); the record's names say so. Absent: all gases of its gwp basis. */
    gases: z.literal("CO2").optional(),
    source: sourceSchema,
    uncertainty: z.strictObject({ low: decimalText, high: decimalText }).optional(),
    note: z.string().min(1).optional(),
  })
  .superRefine((r, ctx) => {
    const need = (cond: boolean, path: string, message: string) => {
      if (!cond) ctx.addIssue({ code: "custom", path: [path], message });
    };
    if (r.byYear !== undefined) {
      need(r.via === undefined, "byYear", "a chained record takes its changes by year from the record it names");
      const years = Object.keys(r.byYear).sort();
      need(years.length > 0 && r.byYear[years.at(-1)!] === r.value, "value", "a record with values by year has the latest year's as its value");
    }
    if (r.group === "electricity") need(r.electricityBasis !== undefined, "electricityBasis", "electricity records say location or market");
    if (r.group === "waste") need(r.wasteLevel !== undefined, "wasteLevel", "waste records name their waste-pyramid level");
    if (r.group === "spend") {
      need(r.currency !== undefined, "currency", "spend records give their currency");
      need(r.priceYear !== undefined, "priceYear", "spend records give their price year");
      need(r.priceBasis !== undefined, "priceBasis", "spend records give basic or purchaser prices");
    }
  });
export type FactorRecord = z.infer<typeof factorRecordSchema>;

export const factorFileSchema = z.strictObject({
  description: z.string().optional(),
  records: z.array(factorRecordSchema).min(1),
});

const sourced = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ ...shape, source: sourceSchema });

export const economicsSchema = z.strictObject({
  /** NOK per one unit of the currency, annual average. */
  exchangeRates: z.array(sourced({ currency: z.string().regex(/^[A-Z]{3}$/), year: z.number().int(), nokPerUnit: decimalText })).min(1),
  /** Norwegian consumer price index, any base; only ratios are used. */
  priceIndex: sourced({ name: z.string().min(1), base: z.string().min(1), values: z.record(z.string().regex(/^\d{4}$/), decimalText) }),
  /** Set 2025-1 only: one shadow carbon price path, NOK per tonne CO2e by calendar year, used as published. */
  carbonPricePath: sourced({ note: z.string().min(1), nokPerTonne: z.record(z.string().regex(/^\d{4}$/), decimalText) }).optional(),
  /**
   * From set 2025-2: Finansdepartementet's carbon price paths (R-109/21), one
   * per id ("non-ets" is the default), each in the kroner of `priceLevelYear`,
   * rebased with `priceIndex` to the case's price year.
   */
  carbonPricePaths: z
    .array(
      sourced({
        id: z.enum(["non-ets", "ets"]),
        names: localizedText,
        priceLevelYear: z.number().int().min(1990).max(2100),
        nokPerTonne: z.record(z.string().regex(/^\d{4}$/), decimalText),
      }),
    )
    .min(1)
    .optional(),
}).refine((e) => (e.carbonPricePath === undefined) !== (e.carbonPricePaths === undefined), { message: "give either carbonPricePath (one path as published) or carbonPricePaths (R-109 paths with their price level)" });
export type Economics = z.infer<typeof economicsSchema>;

const changedValue = z.strictObject({ value: decimalText, unit: z.string().min(3), via: z.string().min(1).optional() });

/**
 * changes.json (from set 2025-2): what changed from the previous set, one
 * entry per record added, removed or changed, written by the set's
 * generator, with a one-line reason in both languages.
 */
export const setChangesSchema = z.strictObject({
  from: z.string().min(1),
  to: z.string().min(1),
  records: z.array(
    z.strictObject({
      id: z.string().min(1),
      change: z.enum(["added", "removed", "changed"]),
      before: changedValue.nullable(),
      after: changedValue.nullable(),
      reason: localizedText,
    }),
  ),
  /** Changes outside the records (economics, labels), one line each. */
  other: z.array(z.strictObject({ item: z.string().min(1), reason: localizedText })),
});
export type SetChanges = z.infer<typeof setChangesSchema>;

export const setManifestSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  names: localizedText,
  released: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  gwp: z.string().min(1),
  defaults: z.strictObject({ electricity: z.string().min(1) }),
  note: z.string().optional(),
});
export type SetManifest = z.infer<typeof setManifestSchema>;
