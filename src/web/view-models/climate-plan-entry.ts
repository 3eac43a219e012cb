/**
 * The climate plan form as the user filled it in (every field as typed),
 * and that entry read into the plan document the application layer saves
 * (app.climate.savePlan). Numbers are read here, at the edge, the user's
 * way (parse-number.ts: "1 234,5" in bokmål, "1,234.5" in English) into
 * decimal text; a number or a year that cannot be read is a problem on its
 * own field, in the user's language, and the entry is kept as typed.
 *
 * Field names are flat (the form body is read with extended: false):
 * baselineYear, direct-<category>, indirect-<category>, targetKind,
 * targetYear-<row>, targetTonnes-<row>, shape, startYear, startTonnes,
 * endYear, endTonnes, neutralityYear, price, source.
 *
 * Example (nb): direct-energy "1 234,5", indirect-energy "" →
 *   baseline.categories: [{ category: "energy", directTonnes: "1234.5", indirectTonnes: "0" }]
 */
import type { Lang } from "../../case/messages.js";
import { PURCHASE_CATEGORY_IDS, type PurchaseCategory } from "../../core/climate/categories.js";
import type { ClimatePlanDocument } from "../../core/climate/types.js";
import { parseNumber } from "../../i18n/parse-number.js";
import { numberFormProblem } from "../editor/number-problem.js";
import { editableDecimal } from "../editor/numbers.js";
import { translate, translateKey } from "../i18n/catalog.js";

/** Blank target rows the form always offers below the filled ones (and again after "five more rows"). */
export const BLANK_TARGET_ROWS = 5;
/** The most target rows one form reads (a path by year to 2100 needs fewer). */
export const MAX_TARGET_ROWS = 200;
/** The neutrality year a new plan starts with (Klimanøytral 2027). */
export const DEFAULT_NEUTRALITY_YEAR = "2027";
/** The longest text kept of a field (a compensation source is a sentence and a link). */
const FIELD_MAX = 2000;

export type TargetRow = { year: string; tonnes: string };

/** What the user typed, field by field ("" for nothing). */
export type PlanEntry = {
  baselineYear: string;
  direct: Map<PurchaseCategory, string>;
  indirect: Map<PurchaseCategory, string>;
  targetKind: string;
  targets: TargetRow[];
  shape: string;
  startYear: string;
  startTonnes: string;
  endYear: string;
  endTonnes: string;
  neutralityYear: string;
  price: string;
  source: string;
};

/** Which form row each array index of the document came from: categories by id, targets by row. */
export type EntryIndex = { categories: PurchaseCategory[]; targetRows: number[] };

const blankRows = (count: number): TargetRow[] => Array.from({ length: count }, () => ({ year: "", tonnes: "" }));

export function blankEntry(): PlanEntry {
  return {
    baselineYear: "",
    direct: new Map(),
    indirect: new Map(),
    targetKind: "years",
    targets: blankRows(BLANK_TARGET_ROWS),
    shape: "linear",
    startYear: "",
    startTonnes: "",
    endYear: "",
    endTonnes: "",
    neutralityYear: DEFAULT_NEUTRALITY_YEAR,
    price: "",
    source: "",
  };
}

/** A saved plan as the form shows it: numbers written the user's way, exactly; five blank target rows below the saved ones. */
export function entryOfPlan(plan: ClimatePlanDocument, lang: Lang): PlanEntry {
  const written = (decimal: string) => editableDecimal(decimal, { lang });
  const entry = blankEntry();
  entry.baselineYear = String(plan.baseline.year);
  for (const c of plan.baseline.categories) {
    entry.direct.set(c.category, written(c.directTonnes));
    entry.indirect.set(c.category, written(c.indirectTonnes));
  }
  const target = plan.target;
  if (target.kind === "years") {
    entry.targets = [...target.targets.map((t) => ({ year: String(t.year), tonnes: written(t.tonnes) })), ...blankRows(BLANK_TARGET_ROWS)];
  } else {
    Object.assign(entry, { targetKind: "shape", shape: target.shape, startYear: String(target.start.year), startTonnes: written(target.start.tonnes), endYear: String(target.end.year), endTonnes: written(target.end.tonnes) });
  }
  entry.neutralityYear = String(plan.neutralityYear);
  entry.price = plan.compensation ? written(plan.compensation.nokPerTonne) : "";
  entry.source = plan.compensation?.source ?? "";
  return entry;
}

/** A form field's text: a string (the first, if sent twice), cut to FIELD_MAX; anything else is "". */
function textOf(body: Record<string, unknown>, name: string): string {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === "string" ? one.slice(0, FIELD_MAX) : "";
}

/** The entry as sent; `addRows` (the "five more rows" button) adds blank target rows. */
export function entryOfBody(raw: unknown): { entry: PlanEntry; addRows: boolean } {
  const body = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const get = (name: string) => textOf(body, name);
  const direct = new Map<PurchaseCategory, string>();
  const indirect = new Map<PurchaseCategory, string>();
  for (const id of PURCHASE_CATEGORY_IDS) {
    direct.set(id, get(`direct-${id}`));
    indirect.set(id, get(`indirect-${id}`));
  }
  const targets: TargetRow[] = [];
  for (let row = 0; row < MAX_TARGET_ROWS && (Object.hasOwn(body, `targetYear-${row}`) || Object.hasOwn(body, `targetTonnes-${row}`)); row++) {
    targets.push({ year: get(`targetYear-${row}`), tonnes: get(`targetTonnes-${row}`) });
  }
  const addRows = get("addRows") !== "";
  // the filled rows first, then blank ones: always at least BLANK_TARGET_ROWS to fill in
  const filled = targets.filter((t) => t.year.trim() !== "" || t.tonnes.trim() !== "");
  const blanks = Math.max(BLANK_TARGET_ROWS, targets.length - filled.length) + (addRows ? BLANK_TARGET_ROWS : 0);
  const entry: PlanEntry = {
    baselineYear: get("baselineYear"),
    direct,
    indirect,
    targetKind: get("targetKind"),
    targets: [...filled, ...blankRows(Math.min(blanks, MAX_TARGET_ROWS - filled.length))],
    shape: get("shape"),
    startYear: get("startYear"),
    startTonnes: get("startTonnes"),
    endYear: get("endYear"),
    endTonnes: get("endTonnes"),
    neutralityYear: get("neutralityYear"),
    price: get("price"),
    source: get("source"),
  };
  return { entry, addRows };
}

/** Field ids, one rule for the form and for the problems' links. */
export const planFieldId = {
  baselineYear: "plan-baseline-year",
  direct: (c: string) => `plan-direct-${c}`,
  indirect: (c: string) => `plan-indirect-${c}`,
  targetKind: (kind: string) => `plan-target-kind-${kind}`,
  targetYear: (row: number) => `plan-target-year-${row}`,
  targetTonnes: (row: number) => `plan-target-tonnes-${row}`,
  shape: (shape: string) => `plan-shape-${shape}`,
  startYear: "plan-start-year",
  startTonnes: "plan-start-tonnes",
  endYear: "plan-end-year",
  endTonnes: "plan-end-tonnes",
  neutralityYear: "plan-neutrality-year",
  price: "plan-price",
  source: "plan-source",
} as const;

export type EdgeErrors = Map<string, string>;

/** The plan document the entry asks for (what could not be read left as typed, for the parser to refuse), with the edge's own problems by field id. */
export function planInputOf(entry: PlanEntry, lang: Lang): { input: Record<string, unknown>; errors: EdgeErrors; index: EntryIndex } {
  const errors: EdgeErrors = new Map();
  /** A year: "" is missing (the parser says it is required), digits a number, anything else a problem here. */
  const year = (raw: string, id: string): number | string | undefined => {
    const t = raw.trim();
    if (t === "") return undefined;
    if (/^\d{1,6}$/.test(t)) return Number(t);
    errors.set(id, translate(lang, "plan.problem.year"));
    return t;
  };
  /** Tonnes or kroner the user's way: "" is missing, else decimal text or a problem here. */
  const amount = (raw: string, id: string): string | undefined => {
    if (raw.trim() === "") return undefined;
    const parsed = parseNumber(raw, lang);
    if (parsed.ok) return parsed.decimal;
    const problem = numberFormProblem(raw, parsed.problem, lang);
    errors.set(id, translateKey(lang, `editor.problem.${problem.code}`, problem.params));
    return raw.trim();
  };

  const index: EntryIndex = { categories: [], targetRows: [] };
  const categories: Record<string, unknown>[] = [];
  for (const category of PURCHASE_CATEGORY_IDS) {
    const direct = entry.direct.get(category) ?? "";
    const indirect = entry.indirect.get(category) ?? "";
    if (direct.trim() === "" && indirect.trim() === "") continue;
    index.categories.push(category);
    categories.push({ category, directTonnes: amount(direct, planFieldId.direct(category)) ?? "0", indirectTonnes: amount(indirect, planFieldId.indirect(category)) ?? "0" });
  }

  let target: Record<string, unknown>;
  if (entry.targetKind === "shape") {
    target = {
      kind: "shape",
      shape: entry.shape,
      start: { year: year(entry.startYear, planFieldId.startYear), tonnes: amount(entry.startTonnes, planFieldId.startTonnes) },
      end: { year: year(entry.endYear, planFieldId.endYear), tonnes: amount(entry.endTonnes, planFieldId.endTonnes) },
    };
  } else {
    const targets: Record<string, unknown>[] = [];
    entry.targets.forEach((row, at) => {
      if (row.year.trim() === "" && row.tonnes.trim() === "") return;
      index.targetRows.push(at);
      targets.push({ year: year(row.year, planFieldId.targetYear(at)), tonnes: amount(row.tonnes, planFieldId.targetTonnes(at)) });
    });
    target = { kind: entry.targetKind, targets };
  }

  const priced = entry.price.trim() !== "" || entry.source.trim() !== "";
  const input = {
    baseline: { year: year(entry.baselineYear, planFieldId.baselineYear), categories },
    target,
    neutralityYear: year(entry.neutralityYear, planFieldId.neutralityYear),
    compensation: priced ? { nokPerTonne: amount(entry.price, planFieldId.price), source: entry.source.trim() } : null,
  };
  return { input, errors, index };
}
