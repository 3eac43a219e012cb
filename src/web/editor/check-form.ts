/**
 * Checks the editor form the one way every input is checked: the form is
 * read into a case document (form-to-case.ts), the document goes through
 * checkCase, and every problem comes back in the user's language on the
 * form field it concerns: the field's form path (rows left empty are
 * dropped from the document, so its row numbers are mapped back), and a
 * value quoted in the message as the user typed it.
 */
import { checkCase } from "../../case/evaluate-document.js";
import { problemMessage, type Lang, type Problem } from "../../case/messages.js";
import type { FactorLibrary } from "../../factors/factor-set.js";
import { translate } from "../i18n/catalog.js";
import { CARBON_PRICE_CUSTOM, type CaseForm } from "./form-model.js";
import { formToCase, toFormPath, within, type KeptSections } from "./form-to-case.js";
import { percentLimit } from "./numbers.js";

/** A problem ready to show: the form path of its field and its text. */
export type EditorProblem = { path: string; message: string };

export type FormCheck = { ok: true; doc: Record<string, unknown> } | { ok: false; problems: EditorProblem[] };

const TYPED = /^alternatives\[(\d+)\]\.(emissions|costs)\[(\d+)\]\.(quantity|amount)$/;

/** The text the user typed in the field at `path`, where messages quote it. */
function typed(form: CaseForm, path: string): string | undefined {
  const m = TYPED.exec(path);
  if (!m) return undefined;
  const alt = form.alternatives[Number(m[1])];
  const row = m[2] === "emissions" ? alt?.emissions[Number(m[3])] : alt?.costs[Number(m[3])];
  const value = row && (row as Record<string, string>)[m[4]!];
  return value?.trim() || undefined;
}

/** Fields typed in percent and kept as fractions: a limit on them is written in percent ("at most 100 %", not "at most 1"). */
const PERCENT_FIELD = /^(analysis\.discountRate|alternatives\[\d+\]\.costs\[\d+\]\.escalation)$/;

function inFieldUnit(problem: Problem, path: string, lang: Lang): Problem {
  if (!PERCENT_FIELD.test(path) || (problem.code !== "too-big" && problem.code !== "too-small")) return problem;
  const params = { ...problem.params };
  if (params.max !== undefined) params.max = percentLimit(params.max, lang);
  if (params.min !== undefined) params.min = percentLimit(params.min, lang);
  return { ...problem, params };
}

/** A problem with a row's EPD as a whole shows beside the field it is about: the verifier when that is missing, else the registration. */
const WHOLE_EPD = /^alternatives\[\d+\]\.emissions\[\d+\]\.epd$/;
const epdField = (code: string) => (code === "tier-needs-verifier" ? "verifier" : "registration");

function caseProblemOnForm(problem: Problem, form: CaseForm, rows: ReturnType<typeof formToCase>["rows"], lang: Lang): EditorProblem {
  let path = toFormPath(problem.path, rows);
  if (WHOLE_EPD.test(path)) path = `${path}.${epdField(problem.code)}`;
  if (form.analysis.carbonPrice === "custom" && within(path, "analysis.carbonPrice")) path = CARBON_PRICE_CUSTOM;
  const value = typed(form, path);
  const shown = value !== undefined && problem.params.value !== undefined ? { ...problem, params: { ...problem.params, value } } : problem;
  return { path, message: problemMessage(inFieldUnit(shown, path, lang), lang) };
}

/** `kept`: the stored case's sections the editor does not show, checked and saved with the form's (form-to-case.ts). */
export function checkForm(form: CaseForm, library: FactorLibrary, lang: Lang, kept: KeptSections = {}): FormCheck {
  const parsed = formToCase(form, lang, kept);
  const checked = checkCase(parsed.doc, library);
  if (checked.ok && parsed.problems.length === 0) return { ok: true, doc: parsed.doc };
  const own: EditorProblem[] = parsed.problems.map((p) => ({ path: p.path, message: translate(lang, `editor.problem.${p.code}`, p.params) }));
  const fromCase = checked.ok ? [] : checked.problems.map((p) => caseProblemOnForm(p, form, parsed.rows, lang));
  // A field the form could not read went to checkCase as a stand-in: what checkCase says about it is noise.
  const meaningful = fromCase.filter((p) => !own.some((o) => within(p.path, o.path)));
  return { ok: false, problems: [...own, ...meaningful] };
}
