/**
 * View model of the case editor (views/pages/case-edit.hbs): every field
 * with its label, hint, value as typed, options, and its problem, if any,
 * linked by id (the field's JSON path) from the error summary.
 */
import type { Lang } from "../../case/messages.js";
import { COST_KINDS, DATA_TIERS, EMISSION_KINDS, RANKING_METHODS, STAGES, WASTE_LEVELS } from "../../core/types.js";
import type { FactorLibrary, FactorSet } from "../../factors/factor-set.js";
import { priceIndexYears } from "../../factors/spend.js";
import type { EditorProblem } from "../editor/check-form.js";
import { blankAlternative, blankCost, blankEmission, CARBON_PRICE_CUSTOM, MAX_ALTERNATIVES, MAX_ROWS, type AlternativeForm, type CaseForm, type CostRow, type EmissionRow } from "../editor/form-model.js";
import { yearFactorText } from "../editor/year-factor-text.js";
import type { KeptSections } from "../editor/form-to-case.js";
import { translate, translateKey } from "../i18n/catalog.js";
import { factorHint, factorValueWithUnit, groupOptions } from "./factors.js";

type Option = { value: string; label: string; selected: boolean };

export type FieldModel = {
  id: string;
  label: string;
  /** "fixed": a value shown read only in words, sent back unchanged in a hidden field (`hidden`). */
  control: "input" | "select" | "checkbox" | "fixed";
  hidden?: { name: string; value: string };
  /** An EPD field: hidden by the style sheet where the row's tier is not an EPD tier and no EPD is given (works without script). */
  epdOnly?: boolean;
  /** A checkbox: ticked or not. */
  checked?: boolean;
  /** Shown only where the row's kind is waste (editor.js hides it elsewhere; without script it always shows). */
  wasteOnly?: boolean;
  value: string;
  options?: Option[];
  hint?: string;
  error?: string;
  describedBy?: string;
  inputmode?: "decimal" | "numeric";
  list?: string;
  width: "xs" | "s" | "m" | "l" | "xl";
  autofocus?: boolean;
  optional?: boolean;
  /** A factor field: the picker's starting group. */
  picker?: { group: string };
  /** The id of the list's hint that explains this field (shown once above the rows, not on every row). */
  sharedHint?: string;
};

export type EditorPageInput = {
  form: CaseForm;
  problems: EditorProblem[];
  library: FactorLibrary;
  lang: Lang;
  caseId?: string;
  version?: number;
  focus?: string;
  notice?: string;
  conflict?: boolean;
  /** The stored case's sections the editor keeps without showing them (named on the page). */
  kept?: KeptSections;
  /** The page answers a POST (a failed save, a row action without script): the form holds what the user typed. */
  posted?: boolean;
};

/** The picker's first group for each kind of emission ("" = all groups). */
const PICKER_GROUP: Readonly<Record<string, string>> = { material: "material", spend: "spend", delivery: "vehicle", freight: "freight", machinery: "machinery", energy: "", waste: "waste", fixed: "" };
/** The picker group for a kind as posted: any text, so "constructor" is just an unknown kind ("" = all groups). */
const pickerGroupOf = (kind: string): string => (Object.hasOwn(PICKER_GROUP, kind) ? PICKER_GROUP[kind]! : "");

class Builder {
  readonly order: string[] = [];
  readonly labels = new Map<string, string>();
  readonly errors = new Map<string, string[]>();

  constructor(
    readonly lang: Lang,
    readonly pending: EditorProblem[],
    readonly focus: string | undefined,
  ) {}

  t(key: string, params: Record<string, string | number> = {}): string {
    return translateKey(this.lang, key, params);
  }

  /** Registers an id that problems can be shown at (a field or a section), in page order. */
  place(id: string, label: string): void {
    this.order.push(id);
    this.labels.set(id, label);
  }

  options(values: readonly string[], keyPrefix: string, current: string, empty?: string): Option[] {
    const options: Option[] = empty === undefined ? [] : [{ value: "", label: empty, selected: current === "" }];
    for (const v of values) options.push({ value: v, label: this.t(`${keyPrefix}${v}`), selected: v === current });
    return withCurrent(options, current);
  }

  field(id: string, label: string, value: string, extra: Partial<FieldModel> & { context?: string } = {}): FieldModel {
    const { context, ...rest } = extra;
    this.place(id, context ? `${context}: ${label}` : label);
    return { id, label, value, control: rest.options ? "select" : "input", width: "m", ...rest, autofocus: this.focus === id || undefined };
  }
}

/** Keeps a value the options do not list (a stored or typed value) selectable, so nothing is lost. */
function withCurrent(options: Option[], current: string): Option[] {
  if (current === "" || options.some((o) => o.value === current)) return options;
  return [...options, { value: current, label: current, selected: true }];
}

/** The closest id on the page for a problem path: the field itself, else the row, list or alternative holding it. */
function placeOf(path: string, known: Set<string>): string | undefined {
  let p = path;
  for (;;) {
    if (known.has(p)) return p;
    const shorter = p.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
    if (shorter === p || shorter === "") return undefined;
    p = shorter;
  }
}

function setOf(form: CaseForm, library: FactorLibrary): FactorSet {
  return library.sets.get(form.factorSet.trim()) ?? library.sets.get(library.newest)!;
}

function generalFields(b: Builder, form: CaseForm): FieldModel[] {
  return [
    b.field("title", b.t("editor.field.title"), form.title, { width: "xl" }),
    b.field("category", b.t("editor.field.category"), form.category, { options: b.options(["goods", "services", "construction"], "editor.category.", form.category, b.t("editor.choice.none")), optional: true }),
    b.field("functionalUnit", b.t("editor.field.functionalUnit"), form.functionalUnit, { hint: b.t("editor.hint.functionalUnit"), width: "xl", optional: true }),
  ];
}

/**
 * The carbon prices the chosen set offers, and a hint that says what they
 * are. A set with R-109's named paths (non-ETS, and ETS where it has one)
 * rebases them to the price year; "default" is its non-ETS path. A set with
 * one path (2025-1, 2025-2) offers only that path, used as published: no
 * ETS, no rebasing.
 */
function carbonOptions(b: Builder, set: FactorSet, current: string): { options: Option[]; hint: string } {
  const paths = set.economics.carbonPricePaths;
  if (paths === undefined) {
    const options = b.options(["default", "custom"], "editor.carbonPrice.", current, b.t("editor.carbonPrice.none"));
    return { options: options.map((o) => (o.value === "default" ? { ...o, label: b.t("editor.carbonPrice.asPublished") } : o)), hint: b.t("editor.hint.carbonPrice.asPublished", { set: set.id }) };
  }
  const named = paths.map((p) => p.id).filter((id) => id !== "non-ets" || current === "non-ets");
  const hint = [b.t("editor.hint.carbonPrice"), ...(paths.some((p) => p.id === "ets") ? [b.t("editor.hint.carbonPrice.ets")] : [])].join(" ");
  return { options: b.options(["default", ...named, "custom"], "editor.carbonPrice.", current, b.t("editor.carbonPrice.none")), hint };
}

function analysisFields(b: Builder, form: CaseForm, library: FactorLibrary, set: FactorSet): FieldModel[] {
  const a = form.analysis;
  const lang = b.lang;
  const electricity = [...set.records.values()].filter((r) => r.group === "electricity");
  const defaultElectricity = set.records.get(set.manifest.defaults.electricity);
  const electricityOptions = withCurrent(
    [
      { value: "", label: b.t("editor.electricity.default", { name: defaultElectricity?.names[lang] ?? set.manifest.defaults.electricity }), selected: a.electricity === "" },
      ...electricity.map((r) => ({
        value: r.id,
        label: `${r.names[lang]} – ${r.electricityBasis ? b.t(`editor.basis.${r.electricityBasis}`) : ""} – ${factorValueWithUnit(r, lang)}`,
        selected: r.id === a.electricity,
      })),
    ],
    a.electricity,
  );
  const sets = withCurrent(
    [{ value: "", label: b.t("editor.factorSet.default", { id: library.newest }), selected: form.factorSet === "" }, ...[...library.sets.values()].map((s) => ({ value: s.id, label: `${s.id} – ${s.manifest.names[lang]}`, selected: s.id === form.factorSet }))],
    form.factorSet,
  );
  const priceYears = withCurrent([{ value: "", label: b.t("editor.priceYear.default"), selected: a.priceYear === "" }, ...priceIndexYears(set.economics).map((y) => ({ value: String(y), label: String(y), selected: String(y) === a.priceYear.trim() }))], a.priceYear);
  const carbon = carbonOptions(b, set, a.carbonPrice);
  return [
    b.field("analysis.startYear", b.t("editor.field.startYear"), a.startYear, { hint: b.t("editor.hint.startYear"), inputmode: "numeric", width: "s" }),
    b.field("analysis.years", b.t("editor.field.years"), a.years, { inputmode: "numeric", width: "s" }),
    b.field("analysis.discountRate", b.t("editor.field.discountRate"), a.discountRate, { hint: b.t("editor.hint.discountRate"), inputmode: "decimal", width: "s", optional: true }),
    b.field("factorSet", b.t("editor.field.factorSet"), form.factorSet, { options: sets, optional: true }),
    b.field("analysis.carbonPrice", b.t("editor.field.carbonPrice"), a.carbonPrice, { options: carbon.options, hint: carbon.hint, optional: true }),
    b.field(CARBON_PRICE_CUSTOM, b.t("editor.field.carbonPriceCustom"), a.carbonPriceCustom, { hint: b.t("editor.hint.carbonPriceCustom"), width: "l", optional: true }),
    b.field("analysis.electricity", b.t("editor.field.electricity"), a.electricity, { options: electricityOptions, hint: b.t("editor.hint.electricity"), width: "xl", optional: true }),
    b.field("analysis.priceYear", b.t("editor.field.priceYear"), a.priceYear, { options: priceYears, hint: b.t("editor.hint.priceYear"), width: "l", optional: true }),
    b.field("ranking", b.t("editor.field.ranking"), form.ranking, { options: b.options(RANKING_METHODS, "editor.ranking.", form.ranking), width: "l" }),
    b.field("baseline", b.t("editor.field.baseline"), form.baseline, {
      options: withCurrent([{ value: "", label: b.t("editor.baseline.default"), selected: form.baseline === "" }, ...form.alternatives.filter((alt) => alt.id.trim() !== "").map((alt) => ({ value: alt.id.trim(), label: alt.name.trim() ? `${alt.id.trim()} – ${alt.name.trim()}` : alt.id.trim(), selected: alt.id.trim() === form.baseline.trim() }))], form.baseline),
      optional: true,
    }),
  ];
}

/** A row's number: 1, 2, …, or a template's placeholder that editor.js fills in. */
type RowNumber = number | string;

/** The hints of a list's rows, shown once above them: [field, label key, hint key]. */
const EMISSION_HINTS = [
  ["factor", "editor.field.factor", "editor.hint.factor"],
  ["quantity", "editor.field.quantity", "editor.hint.quantity"],
  ["count", "editor.field.count", "editor.hint.count"],
  ["at", "editor.field.at", "editor.hint.at"],
  ["life", "editor.field.life", "editor.hint.lifeEmission"],
  ["existingStock", "editor.field.existingStock", "editor.hint.existingStock"],
  ["tier", "editor.field.tier", "editor.hint.tier"],
  ["epd.registration", "editor.field.epdRegistration", "editor.hint.epdRegistration"],
  ["epd.verifier", "editor.field.epdVerifier", "editor.hint.epdVerifier"],
] as const;
const COST_HINTS = [
  ["amount", "editor.field.amount", "editor.hint.amount"],
  ["at", "editor.field.at", "editor.hint.at"],
  ["life", "editor.field.life", "editor.hint.lifeCost"],
  ["escalation", "editor.field.escalation", "editor.hint.escalation"],
] as const;

/** The id of a list's hint for one field, e.g. `alternatives[0].emissions-hint-quantity`. */
const hintId = (listPath: string, field: string) => `${listPath}-hint-${field}`;

function listHints(b: Builder, listPath: string, hints: typeof EMISSION_HINTS | typeof COST_HINTS) {
  return hints.map(([field, label, hint]) => ({ id: hintId(listPath, field), label: b.t(label), hint: b.t(hint) }));
}

function emissionRow(b: Builder, row: EmissionRow, path: string, number: RowNumber, context: string, set: FactorSet) {
  const ctx = `${context}: ${b.t("editor.emission", { number })}`;
  b.place(path, ctx);
  const record = set.records.get(row.factor.trim());
  // The chosen factor's own description stays on the row; the general hints are the list's.
  const hint = record ? factorHint(record, b.lang) : undefined;
  const list = path.replace(/\[[^\]]*\]$/, "");
  const f = (name: keyof EmissionRow, label: string, extra: Partial<FieldModel> = {}) =>
    b.field(`${path}.${name}`, label, row[name], { context: ctx, ...(EMISSION_HINTS.some(([h]) => h === name) ? { sharedHint: hintId(list, name) } : {}), ...extra });
  const epdOnly = { epdOnly: true, optional: true, width: "l" } as const;
  return {
    id: path,
    legend: b.t("editor.emission", { number }),
    epdGiven: row["epd.registration"].trim() !== "" || row["epd.verifier"].trim() !== "" || row["epd.programme"].trim() !== "" || undefined,
    fields: [
      f("label", b.t("editor.field.label"), { width: "xl", optional: true }),
      f("kind", b.t("editor.field.kind"), { options: b.options(EMISSION_KINDS, "editor.kind.", row.kind) }),
      row.factorByYear.trim() === "" || row.factor.trim() !== ""
        ? f("factor", b.t("editor.field.factor"), { hint, list: "factor-ids", width: "xl", picker: { group: pickerGroupOf(row.kind) } })
        : yearFactorField(b, row, `${path}.factor`, ctx),
      f("quantity", b.t("editor.field.quantity"), { width: "m" }),
      f("count", b.t("editor.field.count"), { inputmode: "decimal", width: "s", optional: true }),
      f("at", b.t("editor.field.at"), { width: "s", optional: true }),
      f("every", b.t("editor.field.every"), { inputmode: "numeric", width: "s", optional: true }),
      f("life", b.t("editor.field.life"), { inputmode: "numeric", width: "s", optional: true }),
      f("stage", b.t("editor.field.stage"), { options: b.options(STAGES, "editor.stage.", row.stage, b.t("editor.default")), optional: true }),
      f("scope", b.t("editor.field.scope"), { options: b.options(["direct", "indirect"], "editor.scope.", row.scope, b.t("editor.default")), optional: true }),
      f("existingStock", b.t("editor.field.existingStock"), { control: "checkbox", checked: row.existingStock.trim() !== "", wasteOnly: true, width: "xl", optional: true }),
      f("tier", b.t("editor.field.tier"), { options: b.options(DATA_TIERS, "editor.tier.", row.tier, b.t("editor.tier.default")), width: "l", optional: true }),
      f("epd.registration", b.t("editor.field.epdRegistration"), epdOnly),
      f("epd.verifier", b.t("editor.field.epdVerifier"), epdOnly),
      f("epd.programme", b.t("editor.field.epdProgramme"), epdOnly),
    ],
    remove: b.t("editor.action.removeEmission", { number }),
  };
}

/**
 * A factor given per calendar year, shown read only in words («Faktor per år:
 * 2026: 0,02; 2030: 0,01 kgCO2e/kWh») and sent back unchanged, so a save keeps it.
 */
function yearFactorField(b: Builder, row: EmissionRow, id: string, context: string): FieldModel {
  const words = yearFactorText(row.factorByYear.trim(), b.lang);
  const value = words ? b.t("editor.factorByYear.text", { years: words.years, unit: words.unit }) : row.factorByYear.trim();
  const hidden = { name: id.replace(/\.factor$/, ".factorByYear"), value: row.factorByYear };
  return b.field(id, b.t("editor.field.factorByYear"), value, { context, control: "fixed", hidden, hint: b.t("editor.hint.factorByYear"), width: "xl" });
}

function costRow(b: Builder, row: CostRow, path: string, number: RowNumber, context: string) {
  const ctx = `${context}: ${b.t("editor.cost", { number })}`;
  b.place(path, ctx);
  const list = path.replace(/\[[^\]]*\]$/, "");
  const f = (name: keyof CostRow, label: string, extra: Partial<FieldModel> = {}) =>
    b.field(`${path}.${name}`, label, row[name], { context: ctx, ...(COST_HINTS.some(([h]) => h === name) ? { sharedHint: hintId(list, name) } : {}), ...extra });
  return {
    id: path,
    legend: b.t("editor.cost", { number }),
    fields: [
      f("label", b.t("editor.field.label"), { width: "xl", optional: true }),
      f("kind", b.t("editor.field.kind"), { options: b.options(COST_KINDS, "editor.costKind.", row.kind) }),
      f("amount", b.t("editor.field.amount"), { inputmode: "decimal", width: "m" }),
      f("at", b.t("editor.field.at"), { width: "s", optional: true }),
      f("every", b.t("editor.field.every"), { inputmode: "numeric", width: "s", optional: true }),
      f("life", b.t("editor.field.life"), { inputmode: "numeric", width: "s", optional: true }),
      f("escalation", b.t("editor.field.escalation"), { inputmode: "decimal", width: "s", optional: true }),
    ],
    remove: b.t("editor.action.removeCost", { number }),
  };
}

/** `index` is a number, or a template's placeholder ("__A__", numbered "__AN__"). */
function alternativeModel(b: Builder, alt: AlternativeForm, index: number | string, set: FactorSet, count: number) {
  const path = `alternatives[${index}]`;
  const number = typeof index === "number" ? index + 1 : "__AN__";
  const name = alt.name.trim() || alt.id.trim();
  const title = name ? b.t("editor.alternativeNamed", { number, name }) : b.t("editor.alternative", { number });
  const context = b.t("editor.alternative", { number });
  b.place(path, context);
  const fields = [
    b.field(`${path}.id`, b.t("editor.field.altId"), alt.id, { context, hint: b.t("editor.hint.altId"), width: "xs" }),
    b.field(`${path}.name`, b.t("editor.field.altName"), alt.name, { context, width: "l" }),
    b.field(`${path}.wasteLevel`, b.t("editor.field.wasteLevel"), alt.wasteLevel, { context, options: b.options(WASTE_LEVELS, "wasteLevel.", alt.wasteLevel, b.t("editor.wasteLevel.suggest")), hint: b.t("editor.hint.wasteLevel"), optional: true }),
  ];
  b.place(`${path}.emissions`, `${context}: ${b.t("editor.emissions")}`);
  const emissions = alt.emissions.map((row, i) => ({ ...emissionRow(b, row, `${path}.emissions[${i}]`, i + 1, context, set), action: `remove-emission:${index}:${i}` }));
  b.place(`${path}.costs`, `${context}: ${b.t("editor.costs")}`);
  const costs = alt.costs.map((row, i) => ({ ...costRow(b, row, `${path}.costs[${i}]`, i + 1, context), action: `remove-cost:${index}:${i}` }));
  return {
    id: path,
    index,
    title,
    name: title,
    fields,
    emissions,
    costs,
    emissionHints: listHints(b, `${path}.emissions`, EMISSION_HINTS),
    costHints: listHints(b, `${path}.costs`, COST_HINTS),
    addEmission: { action: `add-emission:${index}`, id: `add-emission-${index}`, autofocus: b.focus === `add-emission-${index}` || undefined },
    addCost: { action: `add-cost:${index}`, id: `add-cost-${index}`, autofocus: b.focus === `add-cost-${index}` || undefined },
    remove: count > 1 ? { action: `remove-alternative:${index}` } : undefined,
  };
}

type Located = { id: string; message: string };

/** Puts each problem on its field (or the nearest section) and returns the error summary, in page order. */
function attachProblems(b: Builder, models: { fields: FieldModel[] }[]): { summary: { href: string; label: string; message: string }[]; sectionErrors: Map<string, string[]> } {
  const known = new Set(b.order);
  const located: Located[] = b.pending.map((p) => ({ id: placeOf(p.path, known) ?? "case-form", message: p.message }));
  for (const l of located) b.errors.set(l.id, [...(b.errors.get(l.id) ?? []), l.message]);
  for (const group of models) {
    for (const field of group.fields) {
      const messages = b.errors.get(field.id);
      if (messages) field.error = messages.join(" ");
      const ids = [field.error ? `${field.id}-error` : "", field.hint ? `${field.id}-hint` : "", field.sharedHint ?? ""].filter(Boolean);
      if (ids.length > 0) field.describedBy = ids.join(" ");
    }
  }
  const rank = (id: string) => {
    const i = b.order.indexOf(id);
    return i < 0 ? -1 : i;
  };
  const summary = located
    .map((l, i) => ({ l, i }))
    .sort((x, y) => rank(x.l.id) - rank(y.l.id) || x.i - y.i)
    .map(({ l }) => ({ href: l.id, label: b.labels.get(l.id) ?? b.t("import.document"), message: l.message }));
  return { summary, sectionErrors: b.errors };
}

/**
 * The markup editor.js clones to add a row or an alternative in the page:
 * built by the same functions as the page's own rows, with placeholders it
 * fills in (alternative index __A__ and number __AN__, row index __R__ and
 * number __RN__, new alternative id __ID__, alternative title __TITLE__).
 */
function templatesModel(lang: Lang, set: FactorSet) {
  const b = new Builder(lang, [], undefined);
  const alt = "alternatives[__A__]";
  const context = b.t("editor.alternative", { number: "__AN__" });
  const emission = { ...emissionRow(b, blankEmission(), `${alt}.emissions[__R__]`, "__RN__", context, set), action: "remove-emission:__A__:__R__", alternative: "__TITLE__" };
  const cost = { ...costRow(b, blankCost(), `${alt}.costs[__R__]`, "__RN__", context), action: "remove-cost:__A__:__R__", alternative: "__TITLE__" };
  const alternative = alternativeModel(b, blankAlternative("__ID__"), "__A__", set, 2);
  attachProblems(b, [emission, cost, { fields: alternative.fields }, ...alternative.emissions, ...alternative.costs]);
  return { emission, cost, alternative };
}

/** What editor.js needs to add, remove and renumber rows in the page as the server would, and to keep a draft. */
function rowsConfig(lang: Lang, input: EditorPageInput) {
  const t = (key: string, params: Record<string, string> = {}) => translateKey(lang, key, params);
  return {
    maxAlternatives: MAX_ALTERNATIVES,
    maxRows: MAX_ROWS,
    draftKey: `${input.caseId ?? "new"}@${input.version ?? 0}`,
    caseKey: input.caseId ?? "new",
    posted: input.posted ?? false,
    text: {
      emission: t("editor.emission", { number: "{number}" }),
      cost: t("editor.cost", { number: "{number}" }),
      removeEmission: t("editor.action.removeEmission", { number: "{number}" }),
      removeCost: t("editor.action.removeCost", { number: "{number}" }),
      alternative: t("editor.alternative", { number: "{number}" }),
      alternativeNamed: t("editor.alternativeNamed", { number: "{number}", name: "{name}" }),
      noRows: t("editor.noRows"),
      baselineDefault: t("editor.baseline.default"),
      ...Object.fromEntries(["rowAdded", "rowRemoved", "alternativeAdded", "alternativeRemoved", "draftOffer", "draftRestore", "draftDiscard", "draftRestored", "draftDiscarded"].map((k) => [k, t(`editor.live.${k}`)])),
    },
  };
}

/** The names of the kept sections the case has, for the note that says they are kept; undefined when none. */
function keptNames(lang: Lang, kept: KeptSections | undefined): { intro: string; names: string[] } | undefined {
  const names = (["award", "dataQuality"] as const).filter((key) => kept?.[key] !== undefined).map((key) => translate(lang, `editor.kept.${key}`));
  return names.length > 0 ? { intro: translate(lang, "editor.kept.intro"), names } : undefined;
}

export function editorPageModel(input: EditorPageInput) {
  const { form, library, lang } = input;
  const set = setOf(form, library);
  const b = new Builder(lang, input.problems, input.focus);
  const general = generalFields(b, form);
  const analysis = analysisFields(b, form, library, set);
  b.place("alternatives", b.t("editor.section.alternatives"));
  const alternatives = form.alternatives.map((alt, i) => alternativeModel(b, alt, i, set, form.alternatives.length));
  const allFieldGroups = [{ fields: general }, { fields: analysis }, ...alternatives.flatMap((a) => [{ fields: a.fields }, ...a.emissions, ...a.costs])];
  const { summary, sectionErrors } = attachProblems(b, allFieldGroups);
  const sectionError = (id: string) => sectionErrors.get(id)?.join(" ");
  const heading = input.caseId ? b.t("editor.titleEdit") : b.t("editor.titleNew");
  const picker = {
    api: "/factors/search",
    lang,
    defaultSet: library.newest,
    kindGroups: PICKER_GROUP,
    groups: [{ value: "", label: translate(lang, "editor.picker.allGroups") }, ...groupOptions(lang, undefined).map(({ value, label }) => ({ value, label }))],
    // Templates keep their {count}/{shown} placeholders (the plural form for many): editor.js fills them in; one hit has its own text.
    text: {
      ...Object.fromEntries(["open", "label", "search", "group", "submit", "close", "count", "capped", "none", "loading", "failed", "choose"].map((k) => [k, translateKey(lang, `editor.picker.${k}`, { count: "{count}", shown: "{shown}" })])),
      countOne: translate(lang, "editor.picker.count", { count: 1 }),
    },
  };
  return {
    pageTitle: form.title.trim() ? `${heading}: ${form.title.trim()}` : heading,
    heading,
    caseId: input.caseId,
    // The save is read in the language the form was shown in (a page opened with ?lang=en writes "1,200"), whatever the session's is.
    formAction: `${input.caseId ? `/cases/${input.caseId}` : "/cases"}?lang=${input.lang}`,
    cancelHref: input.caseId ? `/cases/${input.caseId}` : "/",
    version: input.version,
    notice: input.notice,
    conflict: input.conflict ?? false,
    summary: summary.length > 0 ? { title: b.t("form.errors", { count: summary.length }), items: summary } : undefined,
    formError: sectionError("case-form"),
    general,
    analysis,
    alternativesError: sectionError("alternatives"),
    alternatives: alternatives.map((a) => ({
      ...a,
      error: sectionError(a.id),
      emissionsError: sectionError(`${a.id}.emissions`),
      costsError: sectionError(`${a.id}.costs`),
      emissions: a.emissions.map((r) => ({ ...r, error: sectionError(r.id) })),
      costs: a.costs.map((r) => ({ ...r, error: sectionError(r.id) })),
    })),
    addAlternativeAutofocus: input.focus === "add-alternative" || undefined,
    kept: keptNames(lang, input.kept),
    wasteLevels: WASTE_LEVELS.map((level) => ({ name: translate(lang, `wasteLevel.${level}`), example: translate(lang, `editor.wasteLevelExample.${level}`) })),
    factorIds: [...set.records.values()].map((r) => ({ value: r.id, label: r.names[lang] })),
    templates: templatesModel(lang, set),
    /** editor.js's configuration: the factor picker's, and the rows'. */
    editorConfig: { ...picker, rows: rowsConfig(lang, input) },
    scripts: ["/static/js/editor.js", "/static/js/editor-rows.js", "/static/js/editor-draft.js"],
  };
}
