/**
 * The form that records a case's decision (/cases/:id/decision): the
 * entry as typed, read into the input app.decisions.record takes (the
 * contract's length read the user's way, parse-number.ts), and the form
 * drawn with each problem beside its field (a Problem's path names the
 * field: "chosen", "contractStart", …) and summed up at the top.
 *
 * Example (nb): contractMonths "36" → 36 (as digits); "3 6" → a problem
 * beside the field, the text kept.
 */
import type { Lang, Problem } from "../../case/messages.js";
import { problemMessage } from "../../case/messages.js";
import { PURCHASE_CATEGORIES, PURCHASE_CATEGORY_IDS, STRATEGY_AREAS, STRATEGY_AREA_IDS } from "../../core/climate/categories.js";
import { parseNumber } from "../../i18n/parse-number.js";
import type { DecisionForm } from "../../app/decisions.js";
import { numberFormProblem } from "../editor/number-problem.js";
import { translate, translateKey } from "../i18n/catalog.js";
import { field, type Field, type FormSummary } from "./form-fields.js";

export const DECISION_FIELDS = ["chosen", "contractStart", "contractMonths", "category", "strategyArea", "note"] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];
/** What the user typed, field by field ("" for nothing). */
export type DecisionEntry = Record<DecisionField, string>;

/** The longest text kept of a field (the note's own limit is checked by the application layer, which says so). */
const FIELD_MAX = 5000;

const FIELD_IDS: Record<DecisionField, string> = {
  chosen: "decision-chosen-0",
  contractStart: "decision-contract-start",
  contractMonths: "decision-contract-months",
  category: "decision-category",
  strategyArea: "decision-area-0",
  note: "decision-note",
};

export function blankDecisionEntry(preferred: string): DecisionEntry {
  return { chosen: preferred, contractStart: "", contractMonths: "", category: "", strategyArea: "", note: "" };
}

export function decisionEntryOf(raw: unknown): DecisionEntry {
  const body = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const text = (name: string) => {
    const value = Object.hasOwn(body, name) ? body[name] : undefined;
    const one = Array.isArray(value) ? value[0] : value;
    return typeof one === "string" ? one.slice(0, FIELD_MAX) : "";
  };
  return Object.fromEntries(DECISION_FIELDS.map((f) => [f, text(f)])) as DecisionEntry;
}

/** The input for app.decisions.record (a blank choice left out, so it is "required"), and the edge's own problems by field. */
export function decisionInputOf(entry: DecisionEntry, caseId: string, lang: Lang): { input: Record<string, unknown>; errors: Map<DecisionField, string> } {
  const errors = new Map<DecisionField, string>();
  const given = (value: string) => (value.trim() === "" ? undefined : value.trim());
  let months: string | undefined = given(entry.contractMonths);
  if (months !== undefined) {
    const parsed = parseNumber(months, lang);
    if (parsed.ok) months = parsed.decimal;
    else {
      const problem = numberFormProblem(entry.contractMonths, parsed.problem, lang);
      errors.set("contractMonths", translateKey(lang, `editor.problem.${problem.code}`, problem.params));
    }
  }
  const input = { caseId, chosen: given(entry.chosen), contractStart: given(entry.contractStart), contractMonths: months, category: given(entry.category), strategyArea: given(entry.strategyArea), note: entry.note };
  return { input, errors };
}

type Choice = { id: string; value: string; label: string; checked: boolean; tag?: string };

export type DecisionFormModel = {
  summary: FormSummary | undefined;
  chosen: { choices: Choice[]; error?: string };
  contractStart: Field;
  contractMonths: Field;
  category: Field;
  strategyArea: { choices: Choice[]; error?: string };
  note: Field & { rows: number };
};

/** The form with the entry's values; problems by field (the edge's first), those of no field listed in the summary only. */
export function decisionFormModel(form: DecisionForm, entry: DecisionEntry, edge: Map<DecisionField, string>, problems: readonly Problem[], lang: Lang): DecisionFormModel {
  const errors = new Map(edge);
  const loose: string[] = [];
  for (const p of problems) {
    const at = (DECISION_FIELDS as readonly string[]).includes(p.path) ? (p.path as DecisionField) : undefined;
    if (at === undefined) loose.push(problemMessage(p, lang));
    else if (!errors.has(at)) errors.set(at, problemMessage(p, lang));
  }
  const label = (f: DecisionField) => translate(lang, `decision.${f}`);
  const chosen = form.alternatives.map((a, i) => ({
    id: `decision-chosen-${i}`,
    value: a.id,
    label: a.name,
    checked: a.id === entry.chosen,
    tag: a.id === form.baseline.id ? translate(lang, "decision.baselineTag") : a.id === form.preferred ? translate(lang, "decision.preferredTag") : undefined,
  }));
  const areas = STRATEGY_AREA_IDS.map((id, i) => ({ id: `decision-area-${i}`, value: id, label: STRATEGY_AREAS[id][lang], checked: id === entry.strategyArea }));
  const categoryOptions = [{ value: "", label: translate(lang, "decision.categoryChoose"), selected: entry.category === "" }, ...PURCHASE_CATEGORY_IDS.map((id) => ({ value: id, label: PURCHASE_CATEGORIES[id][lang], selected: id === entry.category }))];
  const model: DecisionFormModel = {
    summary: undefined,
    chosen: { choices: chosen, error: errors.get("chosen") },
    contractStart: field({ id: FIELD_IDS.contractStart, name: "contractStart", label: label("contractStart"), hint: translate(lang, "decision.contractStartHint"), value: entry.contractStart, error: errors.get("contractStart") }),
    contractMonths: field({ id: FIELD_IDS.contractMonths, name: "contractMonths", label: label("contractMonths"), hint: translate(lang, "decision.contractMonthsHint"), value: entry.contractMonths, error: errors.get("contractMonths") }),
    category: field({ id: FIELD_IDS.category, name: "category", label: label("category"), value: entry.category, options: categoryOptions, error: errors.get("category") }),
    strategyArea: { choices: areas, error: errors.get("strategyArea") },
    note: { ...field({ id: FIELD_IDS.note, name: "note", label: label("note"), hint: translate(lang, "decision.noteHint"), value: entry.note, error: errors.get("note") }), rows: 3 },
  };
  const items = DECISION_FIELDS.filter((f) => errors.has(f)).map((f) => ({ href: FIELD_IDS[f], label: label(f), message: errors.get(f)! }));
  for (const message of loose) items.push({ href: "decision-form-title", label: translate(lang, "decision.title"), message });
  model.summary = items.length > 0 ? { id: "decision-errors", title: translate(lang, "form.errors", { count: items.length }), items } : undefined;
  return model;
}
