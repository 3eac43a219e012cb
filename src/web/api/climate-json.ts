/**
 * How the climate figures look in the JSON API. One rule for the whole
 * climate API, as for the `kalkyle.result/1` document: every figure the
 * application layer keeps as exact decimal text (tonnes CO2e, NOK, a
 * share) is written as a JSON number; ids, account codes, organisation
 * numbers and years stay what they are. The conversion is formatting only
 * (jsonNumber: the text read as the nearest double), made here in one
 * place, and each shape names the fields it converts, so an account code
 * such as "1100" is never taken for a figure.
 *
 * Example: a decision's `avoidedTonnes: "12.345678901"` → `"avoidedTonnes": 12.345678901`.
 */
import type { ClimatePlanDocument, ClimatePlanVersion, DashboardFigures, DecimalText, DecisionRecord, YearTarget } from "../../core/climate/types.js";
import type { ScreeningResult, ScreeningRow } from "../../ledger/types.js";
import { API_BASE } from "./case-resource.js";

/** The one conversion of the climate API: a decimal text as a JSON number. */
export function jsonNumber(text: DecimalText): number {
  return Number(text);
}

const jsonNumberOrNull = (text: DecimalText | null): number | null => (text === null ? null : jsonNumber(text));

export const climateHref = (path: string): string => `${API_BASE}/climate/${path}`;
export const decisionHref = (id: string): string => climateHref(`decisions/${encodeURIComponent(id)}`);
export const planVersionHref = (version: number): string => climateHref(`plan/versions/${version}`);

const yearTonnes = (t: YearTarget) => ({ year: t.year, tonnes: jsonNumber(t.tonnes) });

export function planDocumentJson(plan: ClimatePlanDocument) {
  const target =
    plan.target.kind === "years"
      ? { kind: plan.target.kind, targets: plan.target.targets.map(yearTonnes) }
      : { kind: plan.target.kind, shape: plan.target.shape, start: yearTonnes(plan.target.start), end: yearTonnes(plan.target.end) };
  return {
    baseline: {
      year: plan.baseline.year,
      categories: plan.baseline.categories.map((c) => ({ category: c.category, directTonnes: jsonNumber(c.directTonnes), indirectTonnes: jsonNumber(c.indirectTonnes) })),
    },
    target,
    neutralityYear: plan.neutralityYear,
    compensation: plan.compensation && { nokPerTonne: jsonNumber(plan.compensation.nokPerTonne), source: plan.compensation.source },
  };
}

/** A version of the plan with the calendar years its target path draws (`targets`). */
export function planJson(saved: ClimatePlanVersion, targets: YearTarget[]) {
  return { version: saved.version, savedAt: saved.savedAt, savedBy: saved.savedBy, href: planVersionHref(saved.version), document: planDocumentJson(saved.document), targets: targets.map(yearTonnes) };
}

export function planVersionSummaryJson(v: Omit<ClimatePlanVersion, "document">) {
  return { version: v.version, savedAt: v.savedAt, savedBy: v.savedBy, href: planVersionHref(v.version) };
}

export function decisionJson(d: DecisionRecord) {
  return {
    ...d,
    href: decisionHref(d.id),
    avoidedTonnes: jsonNumber(d.avoidedTonnes),
    avoidedDirectTonnes: jsonNumber(d.avoidedDirectTonnes),
    avoidedIndirectTonnes: jsonNumber(d.avoidedIndirectTonnes),
    avoidedByYear: d.avoidedByYear.map(yearTonnes),
    ...(d.analysisAvoidedTonnes === undefined ? {} : { analysisAvoidedTonnes: jsonNumber(d.analysisAvoidedTonnes) }),
    lccDifference: jsonNumber(d.lccDifference),
  };
}

const rowJson = <R extends ScreeningRow>(row: R) => ({ ...row, nok: jsonNumber(row.nok), tonnes: jsonNumber(row.tonnes) });

export function screeningJson(s: ScreeningResult) {
  return {
    ...s,
    spend: { totalNok: jsonNumber(s.spend.totalNok), mappedNok: jsonNumber(s.spend.mappedNok), outOfScopeNok: jsonNumber(s.spend.outOfScopeNok), unmappedNok: jsonNumber(s.spend.unmappedNok), mappedShare: jsonNumber(s.spend.mappedShare) },
    totalTonnes: jsonNumber(s.totalTonnes),
    byCategory: s.byCategory.map(rowJson),
    bySupplier: s.bySupplier.map(rowJson),
    byFunction: s.byFunction.map(rowJson),
    byYear: s.byYear.map(rowJson),
    byFactor: s.byFactor.map(rowJson),
    hotSpots: { categories: s.hotSpots.categories.map(rowJson), suppliers: s.hotSpots.suppliers.map(rowJson) },
    unmapped: s.unmapped.map((u) => ({ ...u, nok: jsonNumber(u.nok) })),
    outOfScope: s.outOfScope.map((o) => ({ ...o, nok: jsonNumber(o.nok) })),
  };
}

export function dashboardFiguresJson(f: DashboardFigures) {
  const c = f.costOfNeutrality;
  return {
    planVersion: f.planVersion,
    neutralityYear: f.neutralityYear,
    years: f.years.map((y) => ({ year: y.year, target: jsonNumberOrNull(y.target), measured: jsonNumberOrNull(y.measured), avoided: jsonNumber(y.avoided), projected: jsonNumberOrNull(y.projected) })),
    gap: f.gap && { year: f.gap.year, expected: jsonNumber(f.gap.expected), target: jsonNumber(f.gap.target), gap: jsonNumber(f.gap.gap) },
    decisions: { count: f.decisions.count, avoidedTonnes: jsonNumber(f.decisions.avoidedTonnes), avoidedInNeutralityYear: jsonNumber(f.decisions.avoidedInNeutralityYear), lccDifference: jsonNumber(f.decisions.lccDifference) },
    directIndirect: f.directIndirect && { source: f.directIndirect.source, year: f.directIndirect.year, directYear: f.directIndirect.directYear, directTonnes: jsonNumber(f.directIndirect.directTonnes), indirectTonnes: jsonNumber(f.directIndirect.indirectTonnes) },
    costOfNeutrality: c && {
      year: c.year,
      nokPerTonne: jsonNumber(c.nokPerTonne),
      source: c.source,
      residualTonnes: jsonNumber(c.residualTonnes),
      cost: jsonNumber(c.cost),
      residualWithoutDecisions: jsonNumber(c.residualWithoutDecisions),
      costWithoutDecisions: jsonNumber(c.costWithoutDecisions),
      loweredBy: jsonNumber(c.loweredBy),
    },
    mappedShare: jsonNumberOrNull(f.mappedShare),
  };
}
