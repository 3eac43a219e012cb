/**
 * The fields of the small forms (one's own page, the administrator's
 * pages): each with its label, hint and error, linked for screen readers
 * (`aria-describedby` names the hint and the error), and the error summary
 * at the top of a form with a link to each field that has a problem.
 * Rendered by views/partials/form-field.hbs and form-errors.hbs.
 */
import type { Lang } from "../../case/messages.js";
import { translate } from "../i18n/catalog.js";

export type FieldOption = { value: string; label: string; selected: boolean };

export type Field = {
  id: string;
  name: string;
  label: string;
  type: "text" | "email" | "password" | "date";
  value: string;
  hint?: string;
  error?: string;
  options?: FieldOption[];
  autocomplete?: string;
  maxlength?: number;
  describedBy?: string;
};

export type FormSummary = { id: string; title: string; items: { href: string; label: string; message: string }[] };

/** A field with `aria-describedby` naming its hint and its error, when it has them. */
export function field(input: Omit<Field, "describedBy" | "type" | "value"> & { type?: Field["type"]; value?: string }): Field {
  const describedBy = [input.hint ? `${input.id}-hint` : "", input.error ? `${input.id}-error` : ""].filter(Boolean).join(" ");
  return { type: "text", value: "", ...input, ...(describedBy ? { describedBy } : {}) };
}

/** The options of a select, the one equal to `selected` marked. */
export function optionsOf(values: readonly string[], label: (value: string) => string, selected: string): FieldOption[] {
  return values.map((value) => ({ value, label: label(value), selected: value === selected }));
}

/** The summary of the fields with an error, or undefined when there is none. */
export function summaryOf(id: string, fields: Field[], lang: Lang): FormSummary | undefined {
  const items = fields.filter((f) => f.error).map((f) => ({ href: f.id, label: f.label, message: f.error! }));
  if (items.length === 0) return undefined;
  return { id, title: translate(lang, "form.errors", { count: items.length }), items };
}
