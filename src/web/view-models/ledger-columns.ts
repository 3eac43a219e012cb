/**
 * The column-mapping step of a ledger import: one select per field the
 * reader knows (date, year, account, function, supplier name, org number,
 * description, amount), each offering the file's headers, prefilled from
 * the remembered mapping or else the suggested one, the required fields
 * marked, and a problem the application layer found (path
 * `columns.<field>`) beside its select. The page renders it once empty
 * inside a <template> for the browser script (which fills in the headers
 * it learnt from /climate/ledgers/inspect) and, without JavaScript, filled
 * in after an import refused its columns. Rendered by
 * views/partials/ledger-columns.hbs.
 */
import type { Lang, Problem } from "../../case/messages.js";
import { problemMessage } from "../../case/messages.js";
import { LEDGER_FIELDS, type ColumnMapping, type LedgerField, type LedgerFormat } from "../../ledger/types.js";
import { translate, translateKey } from "../i18n/catalog.js";
import type { FieldOption } from "./form-fields.js";

export type ColumnSelect = {
  field: LedgerField;
  id: string;
  name: string;
  label: string;
  /** "required", or "date or year is required" for date and year. */
  requirement?: string;
  options: FieldOption[];
  error?: string;
  describedBy?: string;
};

export type ColumnStep = { fields: ColumnSelect[]; note?: string; format?: string };

/** The form field that carries a ledger field's column: `col-<field>`. */
export const columnFieldName = (field: LedgerField) => `col-${field}`;

function requirementOf(field: LedgerField, lang: Lang): string | undefined {
  if (field === "account" || field === "amount") return translate(lang, "ledgers.columns.required");
  if (field === "date" || field === "year") return translate(lang, "ledgers.columns.dateOrYear");
  return undefined;
}

/** "CSV, Windows-1252, delimiter semicolon (;)" or "Excel (.xlsx)". */
export function formatText(format: LedgerFormat, lang: Lang): string {
  if (format.kind === "xlsx") return translate(lang, "ledgers.format.xlsx");
  const delimiter = format.delimiter === ";" ? "semicolon" : format.delimiter === "," ? "comma" : "tab";
  return translate(lang, "ledgers.format.csv", { encoding: translateKey(lang, `ledgers.encoding.${format.encoding}`), delimiter: translateKey(lang, `ledgers.delimiter.${delimiter}`) });
}

/** A column problem in words: the step's own wording for the reader's codes, else the problem catalogue's. */
export function columnProblemMessage(problem: Problem, header: string | undefined, lang: Lang): string {
  const own = `ledgers.columns.problem.${problem.code}`;
  const text = translateKey(lang, own, { header: header ?? "" });
  return text !== own ? text : problemMessage(problem, lang);
}

/** The ledger field a problem is about (`columns.account` → "account"), or null for a problem elsewhere. */
export function columnFieldOf(problem: Problem): LedgerField | null {
  const match = /^columns\.(\w+)$/.exec(problem.path);
  const field = match?.[1];
  return field !== undefined && (LEDGER_FIELDS as readonly string[]).includes(field) ? (field as LedgerField) : null;
}

/**
 * The step's selects: `headers` the file's (empty for the browser's template), `chosen` the mapping to show,
 * `origin` what the note says of it, `problems` the application layer's refusal of the columns.
 */
export function columnStep(input: { lang: Lang; headers: string[]; chosen: ColumnMapping; origin?: "remembered" | "suggested"; format?: LedgerFormat; problems?: Problem[] }): ColumnStep {
  const { lang, headers, chosen } = input;
  const errors = new Map<LedgerField, string>();
  for (const problem of input.problems ?? []) {
    const field = columnFieldOf(problem);
    if (field && !errors.has(field)) errors.set(field, columnProblemMessage(problem, chosen[field], lang));
  }
  const fields = LEDGER_FIELDS.map((field): ColumnSelect => {
    const id = columnFieldName(field);
    const selected = chosen[field] ?? "";
    const options: FieldOption[] = [{ value: "", label: translate(lang, "ledgers.columns.none"), selected: selected === "" }, ...headers.map((h) => ({ value: h, label: h, selected: h === selected }))];
    const requirement = requirementOf(field, lang);
    const error = errors.get(field);
    const describedBy = [requirement ? `${id}-requirement` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
    return { field, id, name: id, label: translateKey(lang, `ledgers.field.${field}`), options, ...(requirement ? { requirement } : {}), ...(error ? { error } : {}), ...(describedBy ? { describedBy } : {}) };
  });
  return {
    fields,
    ...(input.origin ? { note: translate(lang, input.origin === "remembered" ? "ledgers.columns.remembered" : "ledgers.columns.suggested") } : {}),
    ...(input.format ? { format: translate(lang, "ledgers.columns.format", { format: formatText(input.format, lang) }) } : {}),
  };
}

/** The mapping a form sent (`col-<field>`: a header, or empty for none); only the fields given. */
export function columnsFromForm(body: Record<string, unknown>): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const field of LEDGER_FIELDS) {
    const value = body[columnFieldName(field)];
    if (typeof value === "string" && value.trim() !== "") mapping[field] = value;
  }
  return mapping;
}
