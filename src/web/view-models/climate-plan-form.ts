/**
 * The climate plan form as the page draws it: every field with its label,
 * hint and error (linked by aria-describedby), the error summary at the
 * top with a link to each field, and the problems the application layer
 * found (a Problem's path, e.g. baseline.categories[2].directTonnes) put
 * beside the field they concern. A problem whose field the form does not
 * have is still listed in the summary, linked to the form.
 *
 * Example: a problem at "target.targets[0].tonnes" for the entry's third
 * row (the first two left blank) → beside #plan-target-tonnes-2.
 */
import type { Lang, Problem } from "../../case/messages.js";
import { problemMessage } from "../../case/messages.js";
import { PURCHASE_CATEGORIES, PURCHASE_CATEGORY_IDS } from "../../core/climate/categories.js";
import { translate } from "../i18n/catalog.js";
import { field, type Field, type FormSummary } from "./form-fields.js";
import { planFieldId, type EdgeErrors, type EntryIndex, type PlanEntry } from "./climate-plan-entry.js";

/** The id of the form's heading: where a problem without a field of its own links to. */
export const PLAN_FORM_ID = "plan-form-title";
const NUMBER_HINT_ID = "plan-number-hint";

type Segment = string | number;

/** "baseline.categories[2].directTonnes" (or the same as an array) → ["baseline", "categories", 2, "directTonnes"]. */
function segmentsOf(path: string | readonly Segment[]): Segment[] {
  if (Array.isArray(path)) return [...path];
  return [...String(path).matchAll(/\[(\d+)\]|[^.[\]]+/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[0]));
}

/** The form field a problem's path names, or undefined. */
export function fieldIdOfPath(path: string | readonly Segment[], index: EntryIndex): string | undefined {
  const [a, b, c, d] = segmentsOf(path);
  if (a === "baseline") {
    if (b === "year") return planFieldId.baselineYear;
    if (b !== "categories") return planFieldId.baselineYear;
    const category = typeof c === "number" ? index.categories[c] : undefined;
    if (category === undefined) return planFieldId.direct(index.categories[0] ?? PURCHASE_CATEGORY_IDS[0]!);
    return d === "indirectTonnes" ? planFieldId.indirect(category) : planFieldId.direct(category);
  }
  if (a === "target") {
    if (b === "targets") {
      const row = typeof c === "number" ? index.targetRows[c] : undefined;
      if (row === undefined) return planFieldId.targetYear(index.targetRows[0] ?? 0);
      return d === "tonnes" ? planFieldId.targetTonnes(row) : planFieldId.targetYear(row);
    }
    if (b === "shape") return planFieldId.shape("linear");
    if (b === "start") return c === "tonnes" ? planFieldId.startTonnes : planFieldId.startYear;
    if (b === "end") return c === "tonnes" ? planFieldId.endTonnes : planFieldId.endYear;
    return planFieldId.targetKind("years");
  }
  if (a === "neutralityYear") return planFieldId.neutralityYear;
  if (a === "compensation") return b === "source" ? planFieldId.source : planFieldId.price;
  return undefined;
}

/** Every problem's message by field id (the edge's own first: they say what was typed), and those no field holds. */
export function errorsByField(edge: EdgeErrors, problems: readonly Problem[], index: EntryIndex, lang: Lang): { byField: Map<string, string>; loose: string[] } {
  const byField = new Map(edge);
  const loose: string[] = [];
  for (const problem of problems) {
    const id = fieldIdOfPath(problem.path as string | Segment[], index);
    const message = problemMessage(problem, lang);
    if (id === undefined) loose.push(message);
    else if (!byField.has(id)) byField.set(id, message);
  }
  return { byField, loose };
}

type Cell = { id: string; name: string; value: string; label: string; error?: string; describedBy: string };
type Choice = { id: string; name: string; value: string; label: string; checked: boolean };

export type PlanForm = {
  version: number;
  summary: FormSummary | undefined;
  numberHintId: string;
  baselineYear: Field;
  categories: { name: string; direct: Cell; indirect: Cell }[];
  categoriesError?: string;
  targetKinds: Choice[];
  targetKindError?: string;
  targetRows: { row: number; year: Cell; tonnes: Cell }[];
  shapes: Choice[];
  shapeError?: string;
  startYear: Field;
  startTonnes: Field;
  endYear: Field;
  endTonnes: Field;
  neutralityYear: Field;
  price: Field;
  source: Field;
};

/** The form with the entry's values and each field's problem. */
export function planFormModel(entry: PlanEntry, errors: { byField: Map<string, string>; loose: string[] }, version: number, lang: Lang): PlanForm {
  const error = (id: string) => errors.byField.get(id);
  const cell = (id: string, name: string, value: string, label: string): Cell => {
    const e = error(id);
    return { id, name, value, label, error: e, describedBy: [NUMBER_HINT_ID, e ? `${id}-error` : ""].filter(Boolean).join(" ") };
  };
  const numberField = (id: string, name: string, value: string, labelKey: Parameters<typeof translate>[1]) => field({ id, name, value, label: translate(lang, labelKey), error: error(id), hint: translate(lang, "plan.numberHint") });
  const yearField = (id: string, name: string, value: string, labelKey: Parameters<typeof translate>[1], hintKey?: Parameters<typeof translate>[1]) => field({ id, name, value, label: translate(lang, labelKey), error: error(id), ...(hintKey ? { hint: translate(lang, hintKey) } : {}), maxlength: 6 });

  const categories = PURCHASE_CATEGORY_IDS.map((c) => {
    const name = PURCHASE_CATEGORIES[c][lang];
    return {
      name,
      direct: cell(planFieldId.direct(c), `direct-${c}`, entry.direct.get(c) ?? "", translate(lang, "plan.directFor", { category: name })),
      indirect: cell(planFieldId.indirect(c), `indirect-${c}`, entry.indirect.get(c) ?? "", translate(lang, "plan.indirectFor", { category: name })),
    };
  });
  const targetRows = entry.targets.map((t, row) => ({
    row: row + 1,
    year: cell(planFieldId.targetYear(row), `targetYear-${row}`, t.year, translate(lang, "plan.target.yearFor", { row: row + 1 })),
    tonnes: cell(planFieldId.targetTonnes(row), `targetTonnes-${row}`, t.tonnes, translate(lang, "plan.target.tonnesFor", { row: row + 1 })),
  }));
  const kind = entry.targetKind === "shape" ? "shape" : "years";
  const targetKinds = (["years", "shape"] as const).map((k) => ({ id: planFieldId.targetKind(k), name: "targetKind", value: k, label: translate(lang, `plan.target.kind.${k}`), checked: k === kind }));
  const shape = entry.shape === "constant-rate" ? "constant-rate" : "linear";
  const shapes = (["linear", "constant-rate"] as const).map((s) => ({ id: planFieldId.shape(s), name: "shape", value: s, label: translate(lang, `plan.target.shape.${s}`), checked: s === shape }));

  const form: PlanForm = {
    version,
    summary: undefined,
    numberHintId: NUMBER_HINT_ID,
    baselineYear: yearField(planFieldId.baselineYear, "baselineYear", entry.baselineYear, "plan.baseline.year", "plan.baseline.yearHint"),
    categories,
    targetKinds,
    targetKindError: error(planFieldId.targetKind("years")),
    targetRows,
    shapes,
    shapeError: error(planFieldId.shape("linear")),
    startYear: yearField(planFieldId.startYear, "startYear", entry.startYear, "plan.target.startYear"),
    startTonnes: numberField(planFieldId.startTonnes, "startTonnes", entry.startTonnes, "plan.target.startTonnes"),
    endYear: yearField(planFieldId.endYear, "endYear", entry.endYear, "plan.target.endYear"),
    endTonnes: numberField(planFieldId.endTonnes, "endTonnes", entry.endTonnes, "plan.target.endTonnes"),
    neutralityYear: yearField(planFieldId.neutralityYear, "neutralityYear", entry.neutralityYear, "plan.neutralityYear", "plan.neutralityYearHint"),
    price: numberField(planFieldId.price, "price", entry.price, "plan.compensation.price"),
    source: field({ id: planFieldId.source, name: "source", value: entry.source, label: translate(lang, "plan.compensation.source"), hint: translate(lang, "plan.compensation.sourceHint"), error: error(planFieldId.source) }),
  };
  form.summary = planSummary(form, errors.loose, lang);
  return form;
}

/** The summary at the top: each field with a problem, in the order of the form, linked; then the problems no field holds. */
function planSummary(form: PlanForm, loose: string[], lang: Lang): FormSummary | undefined {
  const items: FormSummary["items"] = [];
  const add = (id: string, label: string, message: string | undefined) => {
    if (message) items.push({ href: id, label, message });
  };
  add(form.baselineYear.id, form.baselineYear.label, form.baselineYear.error);
  for (const c of form.categories) for (const cell of [c.direct, c.indirect]) add(cell.id, cell.label, cell.error);
  add(form.targetKinds[0]!.id, translate(lang, "plan.target.kind"), form.targetKindError);
  for (const r of form.targetRows) for (const cell of [r.year, r.tonnes]) add(cell.id, cell.label, cell.error);
  add(form.shapes[0]!.id, translate(lang, "plan.target.shape"), form.shapeError);
  for (const f of [form.startYear, form.startTonnes, form.endYear, form.endTonnes, form.neutralityYear, form.price, form.source]) add(f.id, f.label, f.error);
  for (const message of loose) items.push({ href: PLAN_FORM_ID, label: translate(lang, "plan.formTitle"), message });
  if (items.length === 0) return undefined;
  return { id: "plan-errors", title: translate(lang, "form.errors", { count: items.length }), items };
}
