/**
 * The case editor's form state: every field as the text the user typed (or
 * the stored document shows), named by its JSON path in the case document,
 * e.g. `alternatives[0].emissions[1].quantity`. Reading a POSTed form gives
 * this state; form-to-case.ts turns it into a document and case-to-form.ts
 * builds it from one. Row actions (add/remove) work on this state only.
 */
import { HttpError } from "../errors.js";

/**
 * `existingStock` is a checkbox: "true" when ticked, "" when not (an unticked box sends nothing).
 * `tier` is the data-quality tier ("" = the kind's default); `epd.*` the EPD behind an EPD tier.
 * `factorByYear` holds a factor given per calendar year as the case file writes it (JSON): the
 * form shows it read only and sends it back unchanged, so opening and saving a case keeps it.
 */
export const EMISSION_FIELDS = ["label", "kind", "factor", "quantity", "count", "at", "every", "life", "stage", "scope", "existingStock", "tier", "epd.registration", "epd.verifier", "epd.programme", "factorByYear"] as const;
export const COST_FIELDS = ["label", "kind", "amount", "at", "every", "life", "escalation"] as const;
/** Fields a user types; a row where all of these are blank is an empty row (selects and checkboxes do not count). */
export const EMISSION_TEXT_FIELDS = ["label", "factor", "quantity", "count", "at", "every", "life", "epd.registration", "epd.verifier", "epd.programme", "factorByYear"] as const;
export const COST_TEXT_FIELDS = ["label", "amount", "at", "every", "life", "escalation"] as const;

export type EmissionRow = Record<(typeof EMISSION_FIELDS)[number], string>;
export type CostRow = Record<(typeof COST_FIELDS)[number], string>;

export type AlternativeForm = { id: string; name: string; wasteLevel: string; emissions: EmissionRow[]; costs: CostRow[] };

/** `carbonPrice`: "" (none) | "default" | "non-ets" | "ets" | "custom" (then `carbonPriceCustom`, e.g. "2026: 1500; 2030: 2000"). */
export type AnalysisForm = { startYear: string; years: string; discountRate: string; carbonPrice: string; carbonPriceCustom: string; electricity: string; priceYear: string };

export type CaseForm = {
  title: string;
  category: string;
  functionalUnit: string;
  analysis: AnalysisForm;
  factorSet: string;
  baseline: string;
  ranking: string;
  alternatives: AlternativeForm[];
};

/** Form names that are not a document path one to one. */
export const CARBON_PRICE_CUSTOM = "analysis.carbonPrice.custom";

export const MAX_ALTERNATIVES = 50;
export const MAX_ROWS = 1000;
/** More rows than any real case has: a form beyond this is refused before it is rendered back. */
export const MAX_FORM_ROWS = 5000;

export function blankEmission(): EmissionRow {
  return { label: "", kind: "material", factor: "", quantity: "", count: "", at: "", every: "", life: "", stage: "", scope: "", existingStock: "", tier: "", "epd.registration": "", "epd.verifier": "", "epd.programme": "", factorByYear: "" };
}

export function blankCost(): CostRow {
  return { label: "", kind: "acquisition", amount: "", at: "", every: "", life: "", escalation: "" };
}

export function blankAlternative(id: string): AlternativeForm {
  return { id, name: "", wasteLevel: "", emissions: [blankEmission()], costs: [blankCost()] };
}

/** A new case: one alternative "A" with one empty emission and one empty cost row; no discount rate, so R-109's declining schedule. */
export function blankCase(startYear: number): CaseForm {
  return {
    title: "",
    category: "",
    functionalUnit: "",
    analysis: { startYear: String(startYear), years: "10", discountRate: "", carbonPrice: "", carbonPriceCustom: "", electricity: "", priceYear: "" },
    factorSet: "",
    baseline: "",
    ranking: "",
    alternatives: [blankAlternative("A")],
  };
}

export const isBlankEmission = (row: EmissionRow) => EMISSION_TEXT_FIELDS.every((f) => row[f].trim() === "");
export const isBlankCost = (row: CostRow) => COST_TEXT_FIELDS.every((f) => row[f].trim() === "");

type Body = Record<string, unknown>;

function text(body: Body, key: string): string {
  const value = body[key];
  if (typeof value === "string") return value;
  if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  return "";
}

const ALT_KEY = /^alternatives\[(\d{1,6})\]\.(id|name|wasteLevel)$/;
const ROW_KEY = /^alternatives\[(\d{1,6})\]\.(emissions|costs)\[(\d{1,6})\]\.([A-Za-z]+(?:\.[A-Za-z]+)?)$/;

const byNumber = (a: number, b: number) => a - b;

/**
 * The form state from a POSTed (urlencoded or multipart) body. Rows are
 * found by their field names and renumbered densely in the order of their
 * indices, so a row removed in the browser leaves no gap.
 */
export function readCaseForm(body: Body): CaseForm {
  const alternatives = new Map<number, { emissions: Set<number>; costs: Set<number> }>();
  const altOf = (i: number) => {
    let entry = alternatives.get(i);
    if (!entry) alternatives.set(i, (entry = { emissions: new Set(), costs: new Set() }));
    return entry;
  };
  for (const key of Object.keys(body)) {
    const alt = ALT_KEY.exec(key);
    if (alt) {
      altOf(Number(alt[1]));
      continue;
    }
    const row = ROW_KEY.exec(key);
    if (row) altOf(Number(row[1]))[row[2] as "emissions" | "costs"].add(Number(row[3]));
  }
  const rowCount = [...alternatives.values()].reduce((n, e) => n + e.emissions.size + e.costs.size, 0);
  if (alternatives.size > MAX_ALTERNATIVES * 2 || rowCount > MAX_FORM_ROWS) throw new HttpError(413, "error.tooLarge");
  const alternativeForms = [...alternatives.keys()].sort(byNumber).map((a): AlternativeForm => {
    const entry = alternatives.get(a)!;
    const base = `alternatives[${a}]`;
    return {
      id: text(body, `${base}.id`),
      name: text(body, `${base}.name`),
      wasteLevel: text(body, `${base}.wasteLevel`),
      emissions: [...entry.emissions].sort(byNumber).map((e) => Object.fromEntries(EMISSION_FIELDS.map((f) => [f, text(body, `${base}.emissions[${e}].${f}`)])) as EmissionRow),
      costs: [...entry.costs].sort(byNumber).map((c) => Object.fromEntries(COST_FIELDS.map((f) => [f, text(body, `${base}.costs[${c}].${f}`)])) as CostRow),
    };
  });
  return {
    title: text(body, "title"),
    category: text(body, "category"),
    functionalUnit: text(body, "functionalUnit"),
    analysis: {
      startYear: text(body, "analysis.startYear"),
      years: text(body, "analysis.years"),
      discountRate: text(body, "analysis.discountRate"),
      carbonPrice: text(body, "analysis.carbonPrice"),
      carbonPriceCustom: text(body, CARBON_PRICE_CUSTOM),
      electricity: text(body, "analysis.electricity"),
      priceYear: text(body, "analysis.priceYear"),
    },
    factorSet: text(body, "factorSet"),
    baseline: text(body, "baseline"),
    ranking: text(body, "ranking"),
    alternatives: alternativeForms,
  };
}

/** What the submit button asked for. */
export type FormAction =
  | { type: "save" }
  | { type: "add-alternative" }
  | { type: "remove-alternative"; alt: number }
  | { type: "add-emission" | "add-cost"; alt: number }
  | { type: "remove-emission" | "remove-cost"; alt: number; row: number };

export function parseAction(value: unknown): FormAction {
  const raw = typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : "save";
  const m = /^(add-alternative|remove-alternative|add-emission|add-cost|remove-emission|remove-cost)(?::(\d{1,6}))?(?::(\d{1,6}))?$/.exec(raw);
  if (!m) return { type: "save" };
  const [, type, a, r] = m;
  if (type === "add-alternative") return { type };
  if (a === undefined) return { type: "save" };
  if (type === "remove-alternative") return { type, alt: Number(a) };
  if (type === "add-emission" || type === "add-cost") return { type, alt: Number(a) };
  if (r === undefined) return { type: "save" };
  return { type: type as "remove-emission" | "remove-cost", alt: Number(a), row: Number(r) };
}

/** An id not used yet: A, B, … Z, then A2, B2, … */
export function nextAlternativeId(used: readonly string[]): string {
  const taken = new Set(used.map((id) => id.trim()));
  for (let round = 1; ; round++) {
    for (let c = 0; c < 26; c++) {
      const id = String.fromCharCode(65 + c) + (round === 1 ? "" : String(round));
      if (!taken.has(id)) return id;
    }
  }
}

/**
 * Applies a row action to the form state (a copy); `focus` names the
 * element that should take the focus on the re-rendered page.
 */
export function applyAction(form: CaseForm, action: Exclude<FormAction, { type: "save" }>): { form: CaseForm; focus: string } {
  const next: CaseForm = structuredClone(form);
  const alt = "alt" in action ? next.alternatives[action.alt] : undefined;
  switch (action.type) {
    case "add-alternative": {
      if (next.alternatives.length >= MAX_ALTERNATIVES) return { form: next, focus: "add-alternative" };
      next.alternatives.push(blankAlternative(nextAlternativeId(next.alternatives.map((a) => a.id))));
      return { form: next, focus: `alternatives[${next.alternatives.length - 1}].name` };
    }
    case "remove-alternative":
      if (alt) next.alternatives.splice(action.alt, 1);
      return { form: next, focus: "add-alternative" };
    case "add-emission":
      if (!alt || alt.emissions.length >= MAX_ROWS) return { form: next, focus: "add-alternative" };
      alt.emissions.push(blankEmission());
      return { form: next, focus: `alternatives[${action.alt}].emissions[${alt.emissions.length - 1}].label` };
    case "add-cost":
      if (!alt || alt.costs.length >= MAX_ROWS) return { form: next, focus: "add-alternative" };
      alt.costs.push(blankCost());
      return { form: next, focus: `alternatives[${action.alt}].costs[${alt.costs.length - 1}].label` };
    case "remove-emission":
      if (alt && action.row < alt.emissions.length) alt.emissions.splice(action.row, 1);
      return { form: next, focus: alt ? `add-emission-${action.alt}` : "add-alternative" };
    case "remove-cost":
      if (alt && action.row < alt.costs.length) alt.costs.splice(action.row, 1);
      return { form: next, focus: alt ? `add-cost-${action.alt}` : "add-alternative" };
  }
}
