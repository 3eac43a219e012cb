/**
 * The climate plan page (/climate/plan) and a saved version of it
 * (/climate/plan/versions/:version): the form for the roles that may
 * save a plan, the plan as it is saved for the others, the years the
 * target path draws (worked out by the application layer, only rounded
 * here to be shown) and the list of versions, each readable on its own.
 */
import type { Lang } from "../../case/messages.js";
import { PURCHASE_CATEGORIES } from "../../core/climate/categories.js";
import type { ClimatePlanDocument, ClimatePlanVersion, YearTarget } from "../../core/climate/types.js";
import { editableDecimal } from "../editor/numbers.js";
import { translate } from "../i18n/catalog.js";
import { formatNumber } from "../../i18n/numbers.js";
import { formatDateTime } from "./case-list.js";
import { climateSubnav } from "./climate-subnav.js";
import type { PlanForm } from "./climate-plan-form.js";

/** Tonnes CO2e on the climate pages: to a tenth of a tonne. */
export const TONNES_SHOWN = 1;

/** A figure the application layer worked out (decimal text), rounded for the page and written the language's way (numbers.ts). */
export function shownDecimal(text: string, lang: Lang, places: number): string {
  return formatNumber(Number(text), lang, places);
}

/** Who saved or recorded something, as the page names them: a name, or a plain word when the name is not known here. */
export type NameOf = (userId: string | null) => string;

/** The member's own name for their own id; anyone else as "another member"; Kalkyle itself as "the system". */
/** "Ola Nordmann (deg)" for oneself, the member's name for another, "et annet medlem" for an account since removed. */
export function namesFor(own: { id: string; name: string }, lang: Lang, names: Readonly<Record<string, string>> = {}): NameOf {
  return (userId) => {
    if (userId === null) return translate(lang, "plan.history.system");
    if (userId === own.id) return translate(lang, "plan.who.you", { name: own.name });
    return names[userId] ?? translate(lang, "plan.who.other");
  };
}

/** The target path's years, rounded to a tenth of a tonne. */
export function targetsModel(targets: readonly YearTarget[], version: number, lang: Lang) {
  return { caption: translate(lang, "plan.targets.caption", { version }), rows: targets.map((t) => ({ year: t.year, target: shownDecimal(t.tonnes, lang, TONNES_SHOWN) })) };
}

/** The versions, newest first, each linked to its read-only page. */
export function historyModel(versions: readonly Omit<ClimatePlanVersion, "document">[], current: number | null, nameOf: NameOf, lang: Lang) {
  return versions.map((v) => ({
    version: v.version,
    href: `/climate/plan/versions/${v.version}`,
    label: translate(lang, "plan.history.view", { version: v.version }),
    current: v.version === current,
    savedAt: formatDateTime(v.savedAt, lang),
    savedAtIso: v.savedAt,
    savedBy: nameOf(v.savedBy),
  }));
}

/** A saved plan as a reader sees it: every figure as it was entered, written the language's way. */
export function planShowModel(plan: ClimatePlanDocument, lang: Lang) {
  const written = (decimal: string) => editableDecimal(decimal, { lang });
  const target = plan.target;
  return {
    baselineYear: plan.baseline.year,
    baselineCaption: translate(lang, "plan.show.baselineCaption", { year: plan.baseline.year }),
    categories: plan.baseline.categories.map((c) => ({ name: PURCHASE_CATEGORIES[c.category][lang], direct: written(c.directTonnes), indirect: written(c.indirectTonnes) })),
    target:
      target.kind === "years"
        ? translate(lang, "plan.show.targetYears")
        : translate(lang, "plan.show.targetShape", { shape: translate(lang, `plan.show.shape.${target.shape}`), startYear: target.start.year, startTonnes: written(target.start.tonnes), endYear: target.end.year, endTonnes: written(target.end.tonnes) }),
    neutralityYear: plan.neutralityYear,
    compensation: plan.compensation ? { price: translate(lang, "plan.show.price", { price: written(plan.compensation.nokPerTonne) }), source: plan.compensation.source } : null,
  };
}

export type PlanPageInput = {
  lang: Lang;
  plan: ClimatePlanVersion | null;
  versions: Omit<ClimatePlanVersion, "document">[];
  targets: YearTarget[];
  nameOf: NameOf;
  /** The form, for a role that may save the plan; absent: the plan is shown read-only. */
  form?: PlanForm;
  /** The version just saved (the notice after the redirect). */
  saved?: number;
  /** Someone saved in between: the newest version's number. */
  conflict?: number;
};

export function planPageModel(input: PlanPageInput): Record<string, unknown> {
  const { lang, plan } = input;
  return {
    pageTitle: translate(lang, "plan.title"),
    subnav: climateSubnav("plan", lang),
    notice: input.saved !== undefined ? translate(lang, "plan.saved", { version: input.saved }) : undefined,
    conflict: input.conflict !== undefined ? translate(lang, "plan.conflict", { version: input.conflict }) : undefined,
    form: input.form,
    show: !input.form && plan ? { title: translate(lang, "plan.show.title", { version: plan.version }), ...planShowModel(plan.document, lang) } : undefined,
    none: plan === null,
    targets: plan ? targetsModel(input.targets, plan.version, lang) : undefined,
    history: historyModel(input.versions, plan?.version ?? null, input.nameOf, lang),
  };
}

/** One saved version, read-only, with the years its path draws. */
export function planVersionModel(saved: ClimatePlanVersion, targets: YearTarget[], current: number | null, nameOf: NameOf, lang: Lang): Record<string, unknown> {
  return {
    pageTitle: translate(lang, "plan.version.pageTitle", { version: saved.version }),
    subnav: climateSubnav("plan", lang),
    title: translate(lang, "plan.version.title", { version: saved.version }),
    intro: translate(lang, "plan.version.intro", { at: formatDateTime(saved.savedAt, lang), by: nameOf(saved.savedBy) }),
    savedAtIso: saved.savedAt,
    current: saved.version === current,
    show: planShowModel(saved.document, lang),
    targets: targetsModel(targets, saved.version, lang),
  };
}
