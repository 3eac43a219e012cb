/**
 * The finance page's two GET forms (GET /cases/:id/finance): the
 * sensitivity's pair and ± % (a, b, percent) and the Monte Carlo's draws,
 * seed and cost range (samples, seed, costPercent). One zod schema reads
 * the query: numbers the user's way (parse-number.ts), whole numbers
 * where they must be, each within its bounds, a and b alternatives of the
 * case and not the same one. A refusal names each field and why in the
 * page's language, and the forms show again what was typed.
 *
 * Example: ?percent=60 → percent: "må være mellom 1 og 50" (400), the field still says 60;
 * ?seed=1.5 → seed: "må være et heltall fra 0 til 2 147 483 647" (not how to write a decimal).
 */
import { z } from "zod";
import { FINANCE_DEFAULTS, FINANCE_LIMITS, type FinanceRequest } from "../../case/finance-view.js";
import type { Lang } from "../../case/messages.js";
import { formatNumber } from "../../i18n/numbers.js";
import { MAX_NUMBER_LENGTH, parseNumber } from "../../i18n/parse-number.js";
import { numberFormProblem } from "../editor/number-problem.js";
import { translate, translateKey } from "../i18n/catalog.js";
import { field, summaryOf, type Field } from "./form-fields.js";

export const FINANCE_FIELDS = ["a", "b", "percent", "samples", "seed", "costPercent"] as const;
export type FinanceField = (typeof FINANCE_FIELDS)[number];
/** What the user typed, field by field ("" for nothing). */
export type FinanceQuery = Record<FinanceField, string>;

type Bounds = { min: number; max: number; integer: boolean };
const BOUNDS: Record<Exclude<FinanceField, "a" | "b">, Bounds> = {
  percent: { ...FINANCE_LIMITS.percent, integer: false },
  samples: { ...FINANCE_LIMITS.samples, integer: true },
  seed: { ...FINANCE_LIMITS.seed, integer: true },
  costPercent: { ...FINANCE_LIMITS.costPercent, integer: false },
};

/** The query's fields as text: a field given twice (?a=x&a=y) is its first value. */
export function financeQueryOf(query: unknown): FinanceQuery {
  const q = (typeof query === "object" && query !== null ? query : {}) as Record<string, unknown>;
  const one = (v: unknown): string => (typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : "");
  return Object.fromEntries(FINANCE_FIELDS.map((f) => [f, one(q[f]).slice(0, MAX_NUMBER_LENGTH + 1)])) as FinanceQuery;
}

/** A number field: empty is undefined (the default), else the number, whole where it must be, within its bounds. */
function numberField(bounds: Bounds, lang: Lang) {
  return z.string().transform((raw, ctx): number | undefined => {
    if (raw.trim() === "") return undefined;
    const parsed = parseNumber(raw.trim().replace(/\s*%$/, ""), lang);
    if (!parsed.ok && bounds.integer && /\d[.,]\d/.test(raw)) {
      // "1.5" or "1,5" in a whole-number field: say it must be whole, not how to write the decimal
      ctx.addIssue({ code: "custom", message: translate(lang, "finance.problem.whole", { min: formatNumber(bounds.min, lang), max: formatNumber(bounds.max, lang) }) });
      return z.NEVER;
    }
    if (!parsed.ok) {
      const problem = numberFormProblem(raw, parsed.problem, lang);
      ctx.addIssue({ code: "custom", message: translateKey(lang, `editor.problem.${problem.code}`, problem.params) });
      return z.NEVER;
    }
    const value = Number(parsed.decimal);
    const range = { min: formatNumber(bounds.min, lang), max: formatNumber(bounds.max, lang) };
    if (!(value >= bounds.min && value <= bounds.max && (!bounds.integer || Number.isInteger(value)))) {
      ctx.addIssue({ code: "custom", message: translate(lang, bounds.integer ? "finance.problem.whole" : "finance.problem.between", range) });
    }
    return value;
  });
}

/** The schema of the finance query for a case whose alternatives are `ids`. */
export function financeQuerySchema(ids: readonly string[], lang: Lang) {
  const alternative = z.string().transform((raw, ctx): string | undefined => {
    if (raw === "") return undefined;
    if (!ids.includes(raw)) ctx.addIssue({ code: "custom", message: translate(lang, "finance.problem.alternative", { value: raw.slice(0, 40) }) });
    return raw;
  });
  return z
    .object({
      a: alternative,
      b: alternative,
      percent: numberField(BOUNDS.percent, lang),
      samples: numberField(BOUNDS.samples, lang),
      seed: numberField(BOUNDS.seed, lang),
      costPercent: numberField(BOUNDS.costPercent, lang),
    })
    .superRefine((q, ctx) => {
      if (q.a !== undefined && q.a === q.b) ctx.addIssue({ code: "custom", path: ["b"], message: translate(lang, "finance.problem.samePair") });
      if ((q.a === undefined) !== (q.b === undefined)) ctx.addIssue({ code: "custom", path: [q.a === undefined ? "a" : "b"], message: translate(lang, "finance.problem.pairHalf") });
    });
}

export type ParsedFinanceQuery = { ok: true; request: Omit<FinanceRequest, "seed"> & { seed?: number } } | { ok: false; errors: Partial<Record<FinanceField, string>> };

/** The request the query asks for (defaults filled, the seed left out when none was given), or each field's problem. */
export function parseFinanceQuery(query: FinanceQuery, ids: readonly string[], lang: Lang): ParsedFinanceQuery {
  const parsed = financeQuerySchema(ids, lang).safeParse(query);
  if (!parsed.success) {
    const errors: Partial<Record<FinanceField, string>> = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as FinanceField] ??= issue.message;
    return { ok: false, errors };
  }
  const q = parsed.data;
  return {
    ok: true,
    request: {
      ...(q.a !== undefined && q.b !== undefined ? { a: q.a, b: q.b } : {}),
      percent: q.percent ?? FINANCE_DEFAULTS.percent,
      samples: q.samples ?? FINANCE_DEFAULTS.samples,
      costPercent: q.costPercent ?? FINANCE_DEFAULTS.costPercent,
      ...(q.seed !== undefined ? { seed: q.seed } : {}),
    },
  };
}

export type FinanceForms = {
  summary: ReturnType<typeof summaryOf>;
  sensitivity: { a: Field; b: Field; percent: Field; hidden: { name: string; value: string }[] };
  uncertainty: { samples: Field; seed: Field; costPercent: Field; hidden: { name: string; value: string }[] };
};

/**
 * The two forms, each carrying the other's values as hidden fields so that
 * one run does not undo the other's choices. `shown`: the values to show
 * (what was typed, or the pair used); `errors`: each field's problem;
 * `carried`: what the hidden fields carry instead (the seed a run used, so
 * that choosing another pair keeps the same draws).
 */
export function financeForms(shown: FinanceQuery, errors: Partial<Record<FinanceField, string>>, alternatives: readonly { id: string; name: string }[], lang: Lang, carried: Partial<FinanceQuery> = {}): FinanceForms {
  const label = (f: FinanceField) => translate(lang, `finance.field.${f}`);
  const hint = (f: FinanceField) => translate(lang, `finance.hint.${f}`);
  const options = (selected: string) => alternatives.map((a) => ({ value: a.id, label: a.name, selected: a.id === selected }));
  const make = (f: FinanceField, extra: Partial<Field> = {}) => field({ id: `finance-${f}`, name: f, label: label(f), hint: hint(f), value: shown[f], error: errors[f], ...extra });
  const sensitivity = { a: make("a", { options: options(shown.a) }), b: make("b", { options: options(shown.b) }), percent: make("percent") };
  const uncertainty = { samples: make("samples"), seed: make("seed"), costPercent: make("costPercent") };
  const kept: FinanceQuery = { ...shown, ...carried };
  const hidden = (names: readonly FinanceField[]) => names.filter((n) => kept[n] !== "").map((n) => ({ name: n, value: kept[n] }));
  return {
    summary: summaryOf("finance-errors", [...Object.values(sensitivity), ...Object.values(uncertainty)], lang),
    sensitivity: { ...sensitivity, hidden: hidden(["samples", "seed", "costPercent"]) },
    uncertainty: { ...uncertainty, hidden: hidden(["a", "b", "percent"]) },
  };
}

/** The page's address with these values (empty ones left out): the link that repeats a run; `page: "memo"` for the decision memo of the same run. */
export function financeHref(caseId: string, values: Partial<FinanceQuery>, page: "finance" | "memo" = "finance"): string {
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== undefined && v !== "") as [string, string][]);
  const search = query.toString();
  return `/cases/${encodeURIComponent(caseId)}/${page}${search === "" ? "" : `?${search}`}`;
}
