/**
 * The form that adds one of the adviser's mapping rules on /climate/mapping:
 * what it applies to (an account prefix, a supplier's organisation number,
 * a supplier's name, a keyword of the description), the spend factor and
 * purchase category it sends the lines to (or out of scope), and the
 * reason. The form's values become a rule as the application layer reads
 * rules (src/ledger/rules-input.ts checks it); each problem it returns for
 * the new rule (`rules[i].match.account`, `rules[i].target.category`, …)
 * is put beside its field, in this form's own words where the check's
 * code alone would not say what to write.
 */
import type { Lang, Problem } from "../../case/messages.js";
import { problemMessage } from "../../case/messages.js";
import { PURCHASE_CATEGORIES, PURCHASE_CATEGORY_IDS } from "../../core/climate/categories.js";
import type { FactorSet } from "../../factors/factor-set.js";
import type { MappingRule } from "../../ledger/types.js";
import { translate, translateKey } from "../i18n/catalog.js";
import { field, summaryOf, type Field, type FieldOption, type FormSummary } from "./form-fields.js";

export const RULE_KINDS = ["account", "supplier", "supplier-name", "keyword"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
/** The target select's value for "out of scope". */
export const OUT_OF_SCOPE = "out-of-scope";

export type RuleFormValues = { kind: string; value: string; target: string; category: string; reason: string };
export type RuleFormField = keyof RuleFormValues;
export type RuleFormErrors = Partial<Record<RuleFormField, string>>;

export const emptyRuleForm = (): RuleFormValues => ({ kind: "account", value: "", target: "", category: "", reason: "" });

const isRuleKind = (kind: string): kind is RuleKind => (RULE_KINDS as readonly string[]).includes(kind);

/** The form's values from a posted body (only text fields; anything else is empty). */
export function ruleFormOf(body: unknown): RuleFormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (name: RuleFormField) => (Object.hasOwn(b, name) && typeof b[name] === "string" ? (b[name] as string) : "");
  return { kind: text("kind"), value: text("value"), target: text("target"), category: text("category"), reason: text("reason") };
}

/** The rule the form describes, in the shape the application layer checks (its own problems say what is wrong). */
export function ruleInputOf(values: RuleFormValues): unknown {
  const match =
    values.kind === "supplier" ? { kind: "supplier", orgNumber: values.value } : values.kind === "supplier-name" ? { kind: "supplier-name", name: values.value } : values.kind === "keyword" ? { kind: "keyword", keyword: values.value } : { kind: "account", account: values.value };
  const target = values.target === OUT_OF_SCOPE ? { kind: "out-of-scope" } : { kind: "factor", factor: values.target, category: values.category };
  return { match, target, reason: values.reason };
}

/** Which field of the form a problem of rule `index` is about; null for a problem of another rule or of the list. */
function fieldOf(problem: Problem, index: number): RuleFormField | null {
  const prefix = `rules[${index}]`;
  if (!problem.path.startsWith(prefix)) return null;
  const rest = problem.path.slice(prefix.length);
  if (rest === ".match" || rest === ".match.kind") return "kind";
  if (rest.startsWith(".match.")) return "value";
  if (rest === ".target.category") return "category";
  if (rest.startsWith(".target")) return "target";
  if (rest.startsWith(".reason")) return "reason";
  return null;
}

/** A field's problem in this form's words: what to write, for the value by what the rule applies to. */
function messageOf(problem: Problem, at: RuleFormField, values: RuleFormValues, lang: Lang): string {
  if (problem.code === "unknown-factor") return problemMessage(problem, lang);
  if (at === "value") return translateKey(lang, `spendMapping.problem.value.${isRuleKind(values.kind) ? values.kind : "account"}`);
  if (at === "reason") return problemMessage(problem, lang);
  return translateKey(lang, `spendMapping.problem.${at}`);
}

/** The new rule's problems by field, and those the form has no field for (in words). */
export function ruleFormErrors(problems: Problem[], index: number, values: RuleFormValues, lang: Lang): { errors: RuleFormErrors; other: string[] } {
  const errors: RuleFormErrors = {};
  const other: string[] = [];
  for (const problem of problems) {
    const at = fieldOf(problem, index);
    if (at === null) other.push(`${problem.path}: ${problemMessage(problem, lang)}`);
    else errors[at] ??= messageOf(problem, at, values, lang);
  }
  if (!isRuleKind(values.kind)) errors.kind ??= translate(lang, "spendMapping.problem.kind");
  return { errors, other };
}

/** The spend factors of the factor set by name in the page's language, "out of scope" first. */
function targetOptions(set: FactorSet | undefined, selected: string, lang: Lang): FieldOption[] {
  const factors = [...(set?.records.values() ?? [])].filter((r) => r.group === "spend").map((r) => ({ value: r.id, label: r.names[lang] }));
  factors.sort((a, b) => a.label.localeCompare(b.label, lang === "nb" ? "nb" : "en"));
  return [{ value: "", label: translate(lang, "spendMapping.chooseTarget") }, { value: OUT_OF_SCOPE, label: translate(lang, "spendMapping.outOfScope") }, ...factors].map((o) => ({ ...o, selected: o.value === selected }));
}

export type RuleForm = { fields: { kind: Field; value: Field; target: Field; category: Field; reason: Field }; summary?: FormSummary };

export function ruleForm(values: RuleFormValues, errors: RuleFormErrors, set: FactorSet | undefined, lang: Lang): RuleForm {
  const fields = {
    kind: field({ id: "rule-kind", name: "kind", label: translate(lang, "spendMapping.field.kind"), error: errors.kind, options: RULE_KINDS.map((k) => ({ value: k, label: translateKey(lang, `spendMapping.kind.${k}`), selected: k === values.kind })) }),
    value: field({ id: "rule-value", name: "value", label: translate(lang, "spendMapping.field.value"), hint: translate(lang, "spendMapping.field.valueHint"), value: values.value, error: errors.value, maxlength: 200 }),
    target: field({ id: "rule-target", name: "target", label: translate(lang, "spendMapping.field.target"), hint: translate(lang, "spendMapping.field.targetHint", { set: set?.id ?? "" }), error: errors.target, options: targetOptions(set, values.target, lang) }),
    category: field({
      id: "rule-category",
      name: "category",
      label: translate(lang, "spendMapping.field.category"),
      hint: translate(lang, "spendMapping.field.categoryHint"),
      error: errors.category,
      options: [{ value: "", label: translate(lang, "spendMapping.chooseCategory"), selected: values.category === "" }, ...PURCHASE_CATEGORY_IDS.map((c) => ({ value: c, label: PURCHASE_CATEGORIES[c][lang], selected: c === values.category }))],
    }),
    reason: field({ id: "rule-reason", name: "reason", label: translate(lang, "spendMapping.field.reason"), hint: translate(lang, "spendMapping.field.reasonHint"), value: values.reason, error: errors.reason, maxlength: 500 }),
  };
  const summary = summaryOf("rule-errors", Object.values(fields), lang);
  return { fields, ...(summary ? { summary } : {}) };
}

/** A kept rule as the page lists it: what it applies to, where it sends the lines, the reason. */
export function ruleRow(rule: MappingRule, index: number, set: FactorSet | undefined, lang: Lang) {
  const m = rule.match;
  const value = m.kind === "account" ? m.account : m.kind === "supplier" ? m.orgNumber : m.kind === "supplier-name" ? m.name : m.keyword;
  const match = `${translateKey(lang, `spendMapping.kind.${m.kind}`)} ${value}`;
  const t = rule.target;
  return {
    index,
    match,
    target: t.kind === "factor" ? (set?.records.get(t.factor)?.names[lang] ?? t.factor) : translate(lang, "spendMapping.outOfScope"),
    category: t.kind === "factor" ? PURCHASE_CATEGORIES[t.category][lang] : "",
    reason: rule.reason,
    removeLabel: translate(lang, "spendMapping.removeLabel", { match }),
  };
}
