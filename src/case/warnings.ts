/**
 * Warnings: things in a valid case that compute but are probably not
 * meant. They never stop an evaluation; every result lists them (nb and
 * en, each a sentence from its capital letter, plural forms by the text catalogue),
 * and the comparison page, the report, the exports and the CLI show them.
 *
 * - an item whose `every` exceeds N never occurs;
 * - energy, operation or maintenance with no timing at all (no `every`,
 *   `life` or `at`) in a period longer than one year is counted once only;
 * - a replacement that lands in year N gives no service within the period
 *   (EN 15978);
 * - a cost with a service life bought in year N is returned whole as
 *   residual value in the same year: it nets to nothing and serves no year;
 * - a default that falls back and changes a figure: the price year of
 *   the amounts, a bundled carbon price path held flat beyond its table;
 * - an alternative with no emission items or no cost items: its 0 t or
 *   0 kr makes it look better than it is in every comparison;
 * - a case with one alternative: there is nothing to compare it with;
 * - an award whose quality criterion has no points yet for some bids: the
 *   award is not computed until the buyer gives them (the bids named).
 */
import type { CaseDocument, CostItemInput, EmissionItemInput } from "./schema.js";
import type { CaseContext } from "./resolve.js";
import { text } from "../i18n/catalogue.js";
import type { Lang } from "./messages.js";
import { bidsWithoutQualityPoints } from "./resolve-award.js";

export const WARNING_MESSAGES = {
  "never-occurs": {
    nb: "Gjentas hvert {every}. år, men analyseperioden er {years} år: posten kommer aldri med",
    en: "Recurs every {every} years, but the analysis period is {years, plural, one {# year} other {# years}}: the item never occurs",
  },
  "once-only": {
    nb: "{kind} uten intervall regnes bare én gang i en periode på {years} år; sett «hvert år» hvis den gjentas",
    en: "{kind} without an interval is counted once only in a {years}-year period; set “every year” if it recurs",
  },
  "replacement-in-last-year": {
    nb: "Utskifting i år {year}, periodens siste år, gir ingen nytte innenfor perioden; oppgi levetid i stedet",
    en: "A replacement in year {year}, the last year of the period, gives no service within the period; give a service life instead",
  },
  "bought-in-last-year": {
    nb: "Kjøpt i periodens siste år (år {year}): kostnaden kommer tilbake som restverdi, og posten gir ingen nytte i perioden",
    en: "Bought in the last year of the period (year {year}): its cost is returned as residual value and gives no service in the period",
  },
  "price-year-fallback": {
    nb: "Faktorsettet har ingen prisindeks for {startYear}; beløpene regnes i {used}-kroner",
    en: "The factor set has no price index for {startYear}; amounts are taken as {used} kroner",
  },
  "carbon-price-flat": {
    nb: "Karbonprisbanen går til {last}; årene {from}–{to} bruker prisen for {last}",
    en: "The carbon price path ends in {last}; the years {from}–{to} use the price of {last}",
  },
  "no-emissions": {
    nb: "Ingen utslippsposter: alternativets utslipp regnes som 0 t CO2e, så det ser bedre ut enn det er i sammenligningen",
    en: "No emission items: the alternative's emissions count as 0 t CO2e, so it looks better than it is in the comparison",
  },
  "no-costs": {
    nb: "Ingen kostnadsposter: alternativets livssykluskostnad regnes som 0 kr, så det ser billigere ut enn det er i sammenligningen",
    en: "No cost items: the alternative's lifecycle cost counts as NOK 0, so it looks cheaper than it is in the comparison",
  },
  "single-alternative": {
    nb: "Bare ett alternativ, så det er ingenting å sammenligne med; legg til minst ett til, for eksempel dagens løsning",
    en: "Only one alternative, so there is nothing to compare it with; add at least one more, for example the current solution",
  },
  "award-quality-missing": {
    nb: "Tildelingen er ikke regnet ut: kvalitetspoeng mangler for {bids}. Gi poengene på tildelingssiden.",
    en: "The award is not computed: quality points are missing for {bids}. Give the points on the award page.",
  },
} as const;

export type WarningCode = keyof typeof WARNING_MESSAGES;
/** `bids`: the bids a warning names, listed in the reader's language («Tilbud D» (D) og «E» / "Tilbud D" (D) and "E"). */
export type Warning = { path: string; code: WarningCode; params: Record<string, string>; bids?: readonly { id: string; name: string }[] };

/** The kinds counted once when they have no timing; each named by the catalogue's `case.kind.*`. */
const ONCE_ONLY_KINDS = ["energy", "operation", "maintenance"] as const;
const isOnceOnlyKind = (kind: string): kind is (typeof ONCE_ONLY_KINDS)[number] => (ONCE_ONLY_KINDS as readonly string[]).includes(kind);

/** A bid as a message names it: by its name and id, or once where the name is the id (or empty). */
function bidNamed(bid: { id: string; name: string }, lang: Lang): string {
  const quoted = (s: string) => (lang === "nb" ? `«${s}»` : `"${s}"`);
  return bid.name.trim() !== "" && bid.name !== bid.id ? `${quoted(bid.name)} (${bid.id})` : quoted(bid.id);
}

export function warningMessage(warning: Warning, lang: Lang): string {
  const params = { ...warning.params };
  if (warning.bids) params.bids = new Intl.ListFormat(lang === "nb" ? "nb-NO" : "en-GB", { type: "conjunction" }).format(warning.bids.map((b) => bidNamed(b, lang)));
  if (params.kind && isOnceOnlyKind(params.kind)) params.kind = text(lang, `case.kind.${params.kind}`);
  return text(lang, `warning.${warning.code}`, params);
}

type Item = Pick<EmissionItemInput, "kind" | "at" | "every" | "life"> | Pick<CostItemInput, "kind" | "at" | "every" | "life">;

function itemWarnings(item: Item, path: string, years: number): Warning[] {
  const out: Warning[] = [];
  if (item.every !== undefined && item.every > years && item.at === undefined) out.push({ path: `${path}.every`, code: "never-occurs", params: { every: String(item.every), years: String(years) } });
  // An explicit `at` says when: a one-off repair in year 5 is meant once.
  if (isOnceOnlyKind(item.kind) && item.every === undefined && item.life === undefined && item.at === undefined && years > 1) out.push({ path, code: "once-only", params: { kind: item.kind, years: String(years) } });
  if (item.kind === "replacement" && item.every !== undefined) {
    const first = item.at === undefined ? item.every : item.at === "end" ? years : item.at;
    if (first <= years && (years - first) % item.every === 0) out.push({ path: `${path}.every`, code: "replacement-in-last-year", params: { year: String(years) } });
  }
  return out;
}

/** A cost with a service life bought in year N: the whole amount comes back as residual value in year N. */
function lastYearPurchase(item: Pick<CostItemInput, "at" | "life">, path: string, years: number): Warning[] {
  const last = item.at === "end" || item.at === years;
  return item.life !== undefined && last ? [{ path: `${path}.at`, code: "bought-in-last-year", params: { year: String(years) } }] : [];
}

function fallbackWarnings(doc: CaseDocument, context: CaseContext, usesPriceYear: boolean): Warning[] {
  const out: Warning[] = [];
  const { startYear, years } = doc.analysis;
  if (usesPriceYear && doc.analysis.priceYear === undefined && context.priceYear !== startYear) {
    out.push({ path: "analysis.priceYear", code: "price-year-fallback", params: { startYear: String(startYear), used: String(context.priceYear) } });
  }
  const path = context.carbonPath;
  if (path !== null && startYear + years > path.lastYear) {
    out.push({ path: "analysis.carbonPrice", code: "carbon-price-flat", params: { last: String(path.lastYear), from: String(Math.max(path.lastYear + 1, startYear)), to: String(startYear + years) } });
  }
  return out;
}

/** An empty list of emissions or costs: the alternative counts as 0 t CO2e or 0 kr. */
function emptyListWarnings(alt: Pick<CaseDocument["alternatives"][number], "emissions" | "costs">, a: number): Warning[] {
  const out: Warning[] = [];
  if (alt.emissions.length === 0) out.push({ path: `alternatives[${a}].emissions`, code: "no-emissions", params: {} });
  if (alt.costs.length === 0) out.push({ path: `alternatives[${a}].costs`, code: "no-costs", params: {} });
  return out;
}

/** Quality points not yet given: one warning at the quality criterion's points, naming every bid without them. */
function awardWarnings(doc: CaseDocument): Warning[] {
  const missing = bidsWithoutQualityPoints(doc);
  if (missing.length === 0) return [];
  const i = doc.award!.criteria.findIndex((c) => c.kind === "quality");
  return [{ path: `award.criteria[${i}].points`, code: "award-quality-missing", params: {}, bids: missing }];
}

/** Every warning of a valid case, in document order (the case's own first). */
export function caseWarnings(doc: CaseDocument, context: CaseContext): Warning[] {
  const years = doc.analysis.years;
  const single: Warning[] = doc.alternatives.length === 1 ? [{ path: "alternatives", code: "single-alternative", params: {} }] : [];
  const items = doc.alternatives.flatMap((alt, a) => [
    ...emptyListWarnings(alt, a),
    ...alt.emissions.flatMap((e, i) => itemWarnings(e, `alternatives[${a}].emissions[${i}]`, years)),
    ...alt.costs.flatMap((c, i) => [...itemWarnings(c, `alternatives[${a}].costs[${i}]`, years), ...lastYearPurchase(c, `alternatives[${a}].costs[${i}]`, years)]),
  ]);
  const usesPriceYear = context.carbonPath?.rebasedTo != null || doc.alternatives.some((alt) => alt.emissions.some((e) => e.kind === "spend"));
  return [...single, ...items, ...fallbackWarnings(doc, context, usesPriceYear), ...awardWarnings(doc)];
}
