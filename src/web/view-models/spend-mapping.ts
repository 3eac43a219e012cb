/**
 * /climate/mapping: the adviser's own rules (each with a remove button, and
 * the form that adds one, prefilled with an account when the screening's
 * "map" link led here), and the default mapping for the KOSTRA chart of
 * accounts, read-only: account, name, the EXIOBASE product its spend
 * factor stands for (the factor set's record name), the category and the
 * reason, narrowed by a filter (?q=) that matches any of them.
 */
import type { Lang } from "../../case/messages.js";
import { PURCHASE_CATEGORIES } from "../../core/climate/categories.js";
import type { FactorSet } from "../../factors/factor-set.js";
import type { DefaultMapping, MappingRule } from "../../ledger/types.js";
import { translate } from "../i18n/catalog.js";
import { pageTitle } from "../page.js";
import { climateSubnav } from "./climate-subnav.js";
import { ruleForm, ruleRow, type RuleFormErrors, type RuleFormValues } from "./spend-rule-form.js";

export type MappingNotice = "saved" | "removed" | "conflict" | "from-screening";

function defaultRows(defaults: DefaultMapping, set: FactorSet | undefined, lang: Lang) {
  return defaults.rules.map((r) => {
    const t = r.target;
    return {
      account: r.account,
      name: r.name[lang],
      product: t.kind === "factor" ? (set?.records.get(t.factor)?.names[lang] ?? t.factor) : translate(lang, "spendMapping.outOfScope"),
      outOfScope: t.kind !== "factor",
      category: t.kind === "factor" ? PURCHASE_CATEGORIES[t.category][lang] : "",
      reason: r.reason[lang],
    };
  });
}

/** The rows whose account, name, product, category or reason contains `q` (case and surrounding spaces ignored). */
function filtered<R extends Record<string, unknown>>(rows: R[], q: string, lang: Lang): R[] {
  const wanted = q.trim().toLocaleLowerCase(lang);
  if (wanted === "") return rows;
  return rows.filter((row) => Object.values(row).some((v) => typeof v === "string" && v.toLocaleLowerCase(lang).includes(wanted)));
}

export function spendMappingModel(input: {
  mapping: { defaults: DefaultMapping; rules: MappingRule[]; version: number };
  set: FactorSet | undefined;
  lang: Lang;
  mayEdit: boolean;
  q: string;
  form: RuleFormValues;
  errors: RuleFormErrors;
  otherProblems?: string[];
  notice?: MappingNotice;
  account?: string;
}) {
  const { mapping, set, lang } = input;
  const all = defaultRows(mapping.defaults, set, lang);
  const shown = filtered(all, input.q, lang);
  const notice =
    input.notice === "from-screening" ? translate(lang, "spendMapping.fromScreening", { account: input.account ?? "" }) : input.notice ? translate(lang, input.notice === "saved" ? "spendMapping.saved" : input.notice === "removed" ? "spendMapping.removed" : "spendMapping.conflict") : undefined;
  return {
    pageTitle: pageTitle(translate(lang, "spendMapping.pageTitle")),
    subnav: climateSubnav("mapping", lang),
    mayEdit: input.mayEdit,
    /** The form takes the focus when the screening's "map" link led here with an account. */
    focusForm: input.mayEdit && input.notice === "from-screening",
    version: mapping.version,
    notice,
    conflict: input.notice === "conflict",
    rules: mapping.rules.map((rule, i) => ruleRow(rule, i, set, lang)),
    form: ruleForm(input.form, input.errors, set, lang),
    otherProblems: input.otherProblems ?? [],
    defaults: {
      title: mapping.defaults.title[lang],
      source: translate(lang, "spendMapping.defaultsSource"),
      rows: shown,
      /** The column names, which each cell repeats when the table is stacked on a narrow screen. */
      labels: { name: translate(lang, "spendMapping.col.name"), product: translate(lang, "spendMapping.col.product"), category: translate(lang, "spendMapping.col.category"), reason: translate(lang, "spendMapping.col.reason") },
      q: input.q,
      filtered: input.q.trim() !== "",
      count: translate(lang, "spendMapping.filterCount", { shown: shown.length, total: all.length }),
      none: shown.length === 0 ? translate(lang, "spendMapping.filterNone", { q: input.q.trim() }) : undefined,
    },
  };
}
