/**
 * The one parser from the editor form to a case document (kalkyle.case/1).
 *
 * Numbers are read with the one number parser (src/i18n/parse-number.ts)
 * in the user's language: in bokmål "1 200 kg" becomes "1200 kg" and a
 * discount rate of "3,5" (percent) 0.035; in English "1,200 kg" and "3.5".
 * Every field's length is checked before it is read. A number that cannot
 * be read is a problem on its field that says what is wrong and where.
 * Empty optional fields are left out; a row with nothing typed in it is
 * dropped. The document then goes to checkCase like any other input; the
 * problems it reports are mapped back to the form's rows (toFormPath).
 *
 * Where a field could not be read, the document used for checking gets a
 * harmless stand-in so that every other field is still checked in the same
 * round; such a document is never saved.
 */
import type { Lang } from "../../case/messages.js";
import { Decimal } from "../../core/decimal.js";
import { COST_KINDS, DATA_TIERS, EMISSION_KINDS, RANKING_METHODS, STAGES, WASTE_LEVELS } from "../../core/types.js";
import { MAX_QUANTITY_LENGTH } from "../../core/units.js";
import { MAX_NUMBER_LENGTH, parseNumber, type NumberOptions } from "../../i18n/parse-number.js";
import { CARBON_PRICE_CUSTOM, isBlankCost, isBlankEmission, type AlternativeForm, type CaseForm, type CostRow, type EmissionRow } from "./form-model.js";
import { isInlineFactor, withoutCurrency, yearAndPrice } from "./field-text.js";
import { numberFormProblem, type NumberFormProblem } from "./number-problem.js";
import { splitNumberAndUnit, withoutPercentSign } from "./numbers.js";

/** A problem found while reading the form; its text is `editor.problem.<code>` in the editor catalog. */
export type FormProblem = {
  path: string;
  code: NumberFormProblem["code"] | "not-a-year" | "carbon-price-entry" | "carbon-price-empty" | "carbon-price-unused" | "not-a-checkbox" | "factor-by-year";
  params: Record<string, string>;
};

export type FormParse = {
  /** The case document (with stand-ins where `problems` name a field). */
  doc: Record<string, unknown>;
  problems: FormProblem[];
  /** For each alternative: the form row index of each document row (empty rows are not in the document). */
  rows: { emissions: number[]; costs: number[] }[];
};

type Doc = Record<string, unknown>;

/** Longest factor field: an id (120 characters in the case format) or an inline factor such as "1,55 kgCO2e/kg". */
export const MAX_FACTOR_LENGTH = 200;
/** Longest own carbon price table ("2026: 1 500; 2030: 2 000; …"): a price for every year to 2100 fits several times. */
export const MAX_CARBON_PRICE_LENGTH = 4000;

/** Longest factor given per year as the form carries it (JSON): 250 years of long decimals fit. */
export const MAX_YEAR_FACTOR_LENGTH = 20_000;

/** Fields that hold a short word (a year, "slutt", a checkbox value): checked against the number limit before anything else. */
const MAX_WORD_LENGTH = MAX_NUMBER_LENGTH;

class Reader {
  readonly problems: FormProblem[] = [];

  constructor(readonly lang: Lang) {}

  bad(path: string, code: FormProblem["code"], params: Record<string, string> = {}): void {
    this.problems.push({ path, code, params });
  }

  /** False (and a problem naming the limit) when the field is longer than `limit`: nothing that long is read. */
  fits(raw: string, path: string, limit: number): boolean {
    if (raw.length <= limit) return true;
    this.bad(path, "too-long", { limit: String(limit), length: String(raw.length) });
    return false;
  }

  /** The number as a plain decimal ("1234.5"), or null after reporting what is wrong and where. */
  decimal(raw: string, path: string, options: NumberOptions = {}): string | null {
    const parsed = parseNumber(raw, this.lang, options);
    if (parsed.ok) return parsed.decimal;
    const { code, params } = numberFormProblem(raw, parsed.problem, this.lang);
    this.bad(path, code, params);
    return null;
  }

  /** A number field; an empty field is undefined, a bad one 0 (and a problem). */
  number(raw: string, path: string, options: NumberOptions = {}): number | undefined {
    if (raw.length <= MAX_WORD_LENGTH && raw.trim() === "") return undefined;
    const t = this.decimal(raw, path, options);
    return t === null ? 0 : Number(t);
  }

  /** A percentage: "3,5" (or "3,5 %") → 0.035, exactly. */
  percent(raw: string, path: string, options: NumberOptions = {}): number | undefined {
    if (raw.length <= MAX_WORD_LENGTH && raw.trim() === "") return undefined;
    const t = this.decimal(raw.length <= MAX_WORD_LENGTH ? withoutPercentSign(raw) : raw, path, options);
    return t === null ? 0 : new Decimal(t).div(100).toNumber();
  }

  /** Year index 0..N or "end" ("slutt" in Norwegian). */
  at(raw: string, path: string): number | "end" | undefined {
    if (!this.fits(raw, path, MAX_WORD_LENGTH)) return 0;
    const t = raw.trim().toLowerCase();
    if (t === "end" || t === "slutt") return "end";
    if (t === "") return undefined;
    const parsed = parseNumber(t, this.lang);
    if (parsed.ok) return Number(parsed.decimal);
    this.bad(path, "not-a-year", { value: raw.trim() });
    return 0;
  }

  /** "1 200 kg" → "1200 kg"; text that does not start with a number goes on as written (checkCase explains). */
  quantity(raw: string, path: string): string | undefined {
    if (!this.fits(raw, path, MAX_QUANTITY_LENGTH)) return "0";
    const t = raw.trim();
    if (t === "") return undefined;
    const split = splitNumberAndUnit(t);
    if (!split) return t;
    const n = this.decimal(split.number, path);
    if (n === null) return "0";
    return split.unit === "" ? n : `${n} ${split.unit}`;
  }

  /** "180 000", "180 000 kr" or "180000 NOK" → 180000 (English: "180,000 kr"). */
  amount(raw: string, path: string): number | undefined {
    if (!this.fits(raw, path, MAX_QUANTITY_LENGTH)) return 0;
    const t = raw.trim();
    if (t === "") return undefined;
    const n = this.decimal(withoutCurrency(t), path);
    return n === null ? 0 : Number(n);
  }

  /** A factor id, or an inline factor written "1,55 kgCO2e/kg" (English "1.55 kgCO2e/kg"); stage D may be negative. */
  factor(raw: string, path: string): string | { value: number; unit: string } | undefined {
    if (!this.fits(raw, path, MAX_FACTOR_LENGTH)) return "";
    const t = raw.trim();
    if (t === "") return undefined;
    const split = isInlineFactor(t) ? splitNumberAndUnit(t) : null;
    if (!split || split.unit === "") return t;
    const n = this.decimal(split.number, path, { allowNegative: true });
    return { value: n === null ? 0 : Number(n), unit: split.unit };
  }

  /**
   * A factor given per calendar year, as the form carries it back unchanged
   * (`{"byYear":{"2026":0.02,…},"unit":"kgCO2e/kWh"}`); checkCase checks its
   * years and unit. Text that is not such an object is a problem on the factor.
   */
  yearFactor(raw: string, path: string): unknown {
    if (!this.fits(raw, path, MAX_YEAR_FACTOR_LENGTH)) return "";
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) && "byYear" in parsed) return parsed;
    } catch {
      // not JSON: the same problem as any other shape
    }
    this.bad(path, "factor-by-year");
    return "";
  }

  /** A ticked checkbox ("true", or "on" from a browser without a value) is true; an unticked one is left out. */
  checkbox(raw: string, path: string): true | undefined {
    if (!this.fits(raw, path, MAX_WORD_LENGTH)) return undefined;
    const t = raw.trim().toLowerCase();
    if (t === "") return undefined;
    if (t === "true" || t === "on") return true;
    this.bad(path, "not-a-checkbox", { value: raw.trim() });
    return undefined;
  }

  /** "2026: 1500; 2030: 2000" (or one year per line) → { "2026": 1500, "2030": 2000 }. */
  carbonPrice(raw: string): Record<string, number> {
    const table: Record<string, number> = {};
    if (!this.fits(raw, CARBON_PRICE_CUSTOM, MAX_CARBON_PRICE_LENGTH)) return { "2000": 0 };
    const entries = raw.split(/[;\n]/).map((e) => e.trim()).filter(Boolean);
    if (entries.length === 0) this.bad(CARBON_PRICE_CUSTOM, "carbon-price-empty");
    for (const entry of entries) {
      const split = yearAndPrice(entry);
      if (!split) {
        this.bad(CARBON_PRICE_CUSTOM, "carbon-price-entry", { value: entry });
        continue;
      }
      const price = this.decimal(withoutCurrency(split.price, { perTonne: true }), CARBON_PRICE_CUSTOM);
      if (price !== null) table[split.year] = Number(price);
    }
    return Object.keys(table).length > 0 ? table : { "2000": 0 };
  }
}

const put = (target: Doc, key: string, value: unknown) => {
  if (value !== undefined && value !== "") target[key] = value;
};

/** Select values pass as written (checkCase names a bad one); an empty select is "not given". */
const choice = (raw: string, allowed: readonly string[]) => (raw === "" ? undefined : allowed.includes(raw) ? raw : raw.trim());

/**
 * The EPD when any of its fields is filled in (a missing registration is
 * then checkCase's problem on that field); none when all are empty.
 */
function epdDoc(row: EmissionRow): Doc | undefined {
  const epd: Doc = {};
  put(epd, "registration", row["epd.registration"].trim());
  put(epd, "verifier", row["epd.verifier"].trim());
  put(epd, "programme", row["epd.programme"].trim());
  return Object.keys(epd).length > 0 ? epd : undefined;
}

function emissionDoc(row: EmissionRow, path: string, read: Reader): Doc {
  const doc: Doc = {};
  put(doc, "label", row.label.trim());
  put(doc, "kind", choice(row.kind, EMISSION_KINDS));
  // A factor per year is kept as it came unless the user typed another factor.
  const typedFactor = read.factor(row.factor, `${path}.factor`);
  put(doc, "factor", typedFactor === undefined && row.factorByYear.trim() !== "" ? read.yearFactor(row.factorByYear.trim(), `${path}.factor`) : typedFactor);
  put(doc, "quantity", read.quantity(row.quantity, `${path}.quantity`));
  put(doc, "count", read.number(row.count, `${path}.count`));
  put(doc, "at", read.at(row.at, `${path}.at`));
  put(doc, "every", read.number(row.every, `${path}.every`));
  put(doc, "life", read.number(row.life, `${path}.life`));
  put(doc, "stage", choice(row.stage, STAGES));
  put(doc, "scope", choice(row.scope, ["direct", "indirect"]));
  put(doc, "existingStock", read.checkbox(row.existingStock, `${path}.existingStock`));
  put(doc, "tier", choice(row.tier, DATA_TIERS));
  put(doc, "epd", epdDoc(row));
  return doc;
}

function costDoc(row: CostRow, path: string, read: Reader): Doc {
  const doc: Doc = {};
  put(doc, "label", row.label.trim());
  put(doc, "kind", choice(row.kind, COST_KINDS));
  put(doc, "amount", read.amount(row.amount, `${path}.amount`));
  put(doc, "at", read.at(row.at, `${path}.at`));
  put(doc, "every", read.number(row.every, `${path}.every`));
  put(doc, "life", read.number(row.life, `${path}.life`));
  put(doc, "escalation", read.percent(row.escalation, `${path}.escalation`, { allowNegative: true }));
  return doc;
}

function alternativeDoc(alt: AlternativeForm, a: number, read: Reader) {
  const doc: Doc = {};
  put(doc, "id", alt.id.trim());
  put(doc, "name", alt.name.trim());
  put(doc, "wasteLevel", choice(alt.wasteLevel, WASTE_LEVELS));
  const emissions: number[] = [];
  const costs: number[] = [];
  alt.emissions.forEach((row, i) => !isBlankEmission(row) && emissions.push(i));
  alt.costs.forEach((row, i) => !isBlankCost(row) && costs.push(i));
  // Problems from reading carry the form's row index; checkCase's are mapped with `rows`.
  doc.emissions = emissions.map((i) => emissionDoc(alt.emissions[i]!, `alternatives[${a}].emissions[${i}]`, read));
  doc.costs = costs.map((i) => costDoc(alt.costs[i]!, `alternatives[${a}].costs[${i}]`, read));
  return { doc, rows: { emissions, costs } };
}

/**
 * Sections of a stored case the editor does not show (the award criteria and
 * the data-quality mark-ups, set on their own pages): taken over unchanged,
 * so a save in the editor never drops them.
 */
export const KEPT_SECTIONS = ["dataQuality", "award"] as const;
export type KeptSections = Partial<Record<(typeof KEPT_SECTIONS)[number], unknown>>;

/** The sections to keep from a stored document (none from anything that is not an object). */
export function keptSections(document: unknown): KeptSections {
  const kept: KeptSections = {};
  if (typeof document !== "object" || document === null) return kept;
  for (const key of KEPT_SECTIONS) if (Object.hasOwn(document, key)) kept[key] = (document as Doc)[key];
  return kept;
}

export function formToCase(form: CaseForm, lang: Lang, kept: KeptSections = {}): FormParse {
  const read = new Reader(lang);
  const analysis: Doc = {};
  put(analysis, "startYear", read.number(form.analysis.startYear, "analysis.startYear"));
  put(analysis, "years", read.number(form.analysis.years, "analysis.years"));
  put(analysis, "discountRate", read.percent(form.analysis.discountRate, "analysis.discountRate"));
  const mode = form.analysis.carbonPrice;
  if (mode === "default") analysis.carbonPrice = "default";
  else if (mode === "custom") analysis.carbonPrice = read.carbonPrice(form.analysis.carbonPriceCustom);
  else if (mode !== "") analysis.carbonPrice = mode;
  // Prices typed but not chosen are never dropped silently (docs/decisions.md): the user decides.
  if (mode !== "custom" && form.analysis.carbonPriceCustom.trim() !== "") read.bad(CARBON_PRICE_CUSTOM, "carbon-price-unused");
  put(analysis, "electricity", form.analysis.electricity.trim());
  put(analysis, "priceYear", read.number(form.analysis.priceYear, "analysis.priceYear"));

  const alternatives = form.alternatives.map((alt, a) => alternativeDoc(alt, a, read));
  const doc: Doc = { schema: "kalkyle.case/1" };
  put(doc, "title", form.title.trim());
  put(doc, "category", choice(form.category, ["goods", "services", "construction"]));
  put(doc, "functionalUnit", form.functionalUnit.trim());
  doc.analysis = analysis;
  put(doc, "factorSet", form.factorSet.trim());
  put(doc, "baseline", form.baseline.trim());
  put(doc, "ranking", choice(form.ranking, RANKING_METHODS));
  doc.alternatives = alternatives.map((a) => a.doc);
  for (const key of KEPT_SECTIONS) if (kept[key] !== undefined) doc[key] = kept[key];
  return { doc, problems: read.problems, rows: alternatives.map((a) => a.rows) };
}

/** A document path (`alternatives[0].emissions[1].quantity`) as the form's path, where empty rows were dropped. */
export function toFormPath(path: string, rows: FormParse["rows"]): string {
  return path.replace(/^alternatives\[(\d+)\]\.(emissions|costs)\[(\d+)\]/, (whole, a: string, list: "emissions" | "costs", i: string) => {
    const formIndex = rows[Number(a)]?.[list][Number(i)];
    return formIndex === undefined ? whole : `alternatives[${a}].${list}[${formIndex}]`;
  });
}

/** True when `path` is `field` or lies inside it (`…factor.unit` inside `…factor`). */
export function within(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}
