/**
 * The export tables of the Excel workbook's later sheets: one per
 * alternative, listing its emission items (kind, stage, quantity as
 * entered, factor with its value, unit and citation, timing, kg CO2e) and
 * its cost items (kind, amount, escalation, timing), and one of yearly
 * figures (per alternative per year: nominal cost, discounted cost,
 * cumulative discounted cost, kg CO2e). The yearly figures come from the
 * core (src/core/yearly.ts); nothing is computed here. Figures stay exact
 * numbers: the workbook rounds them on screen with number formats, the
 * CSV rounds them when it writes them.
 */
import type { Lang } from "../../case/messages.js";
import type { Decimal } from "../../core/decimal.js";
import type { At } from "../../core/types.js";
import { yearlyFigures } from "../../core/yearly.js";
import { factorCitation } from "../../factors/citation.js";
import { epdCitation } from "../view-models/epd-source.js";
import type { Cell, Column, Evaluated, Table } from "./tables.js";

type T = (key: string, params?: Record<string, string>) => string;

const num = (d: Decimal): number => (d.isZero() ? 0 : d.toNumber());

/** The unit a factor's value is per: what follows the "/" of "kgCO2e/kWh". */
const perUnit = (unit: string): string => unit.slice(unit.indexOf("/") + 1);

const atText = (at: At | undefined, t: T): Cell => (at === undefined ? null : at === "end" ? t("export.at.end") : at);

function alternativeTable(e: Evaluated, index: number, lang: Lang, t: T): Table {
  const core = e.core.alternatives[index]!;
  const resolved = e.resolved.alternatives.find((a) => a.id === core.id)!;
  const doc = e.doc.alternatives.find((a) => a.id === core.id);
  const set = e.context.set;
  const columns: Column[] = [
    { header: t("export.col.itemType"), kind: "text", width: 12 },
    { header: t("export.col.label"), kind: "text", width: 40 },
    { header: t("export.col.kind"), kind: "text", width: 18 },
    { header: t("export.col.stage"), kind: "text", width: 8 },
    { header: t("export.col.quantity"), kind: "text", width: 16 },
    { header: t("export.col.count"), kind: "decimal", width: 10 },
    { header: t("export.col.factor"), kind: "text", width: 32 },
    { header: t("export.col.factorValue"), kind: "decimal", width: 16 },
    { header: t("export.col.factorUnit"), kind: "text", width: 16 },
    { header: t("export.col.source"), kind: "text", width: 80 },
    { header: t("export.col.at"), kind: "text", width: 8 },
    { header: t("export.col.every"), kind: "int", width: 8 },
    { header: t("export.col.life"), kind: "int", width: 8 },
    { header: t("export.col.kg"), kind: "kg", width: 16 },
    { header: t("export.col.amount"), kind: "nok", width: 16 },
    { header: t("export.col.escalation"), kind: "percent", width: 12 },
  ];
  const emissionRows = resolved.emissions.map((item, j): Cell[] => {
    const entered = doc?.emissions[j];
    const inline = entered !== undefined && typeof entered.factor === "object" ? entered.factor : null;
    const record = item.factor === null ? undefined : set.records.get(item.factor === "electricity" ? e.context.electricity.factor : item.factor);
    const unit = inline?.unit ?? record?.unit ?? null;
    return [
      t("export.itemType.emission"),
      item.label,
      t(`export.kind.${item.kind}`),
      item.stage,
      entered === undefined ? null : String(entered.quantity),
      num(item.count),
      item.factor ?? t("export.inlineFactor"),
      num(item.kgPerUnit),
      unit === null ? null : `kg CO2e/${perUnit(unit)}`,
      item.factor === null ? (epdCitation(item.epd, lang) ?? t("export.inlineSource")) : (factorCitation(set, item.factor, e.context.electricity.factor) ?? item.source),
      atText(item.at, t),
      item.every ?? null,
      item.life ?? null,
      num(core.emissions.items[j]!.kg),
      null,
      null,
    ];
  });
  const costRows = resolved.costs.map((item): Cell[] => [
    t("export.itemType.cost"),
    item.label,
    t(`compare.costKind.${item.kind}`),
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    atText(item.at, t),
    item.every ?? null,
    item.life ?? null,
    null,
    num(item.amount),
    num(item.escalation),
  ]);
  return { name: "alternative", title: core.name, columns, rows: [...emissionRows, ...costRows] };
}

/** One table per alternative, in the result's order, titled by the alternative's name. */
export function alternativeTables(e: Evaluated, lang: Lang, t: T): Table[] {
  return e.core.alternatives.map((_, i) => alternativeTable(e, i, lang, t));
}

/** Per alternative per year: nominal and discounted cost, cumulative discounted cost and kg CO2e, from the core's yearly figures. */
export function yearlyTable(e: Evaluated, t: T): Table {
  const columns: Column[] = [
    { header: t("export.col.alternative"), kind: "text", width: 12 },
    { header: t("export.col.name"), kind: "text", width: 30 },
    { header: t("export.col.yearIndex"), kind: "int", width: 8 },
    { header: t("export.col.calendarYear"), kind: "int", width: 10 },
    { header: t("export.col.nominalCost"), kind: "nok", width: 18 },
    { header: t("export.col.discountedCost"), kind: "nok", width: 18 },
    { header: t("export.col.cumulativeCost"), kind: "nok", width: 20 },
    { header: t("export.col.yearKg"), kind: "kg", width: 16 },
  ];
  const rows = e.core.alternatives.flatMap((a) => {
    const resolved = e.resolved.alternatives.find((r) => r.id === a.id)!;
    return yearlyFigures(resolved.costs, a.lcc, a.emissions, e.resolved.startYear, e.resolved.years).map((y): Cell[] => [
      a.id,
      a.name,
      y.year,
      y.calendarYear,
      num(y.nominal),
      num(y.discounted),
      num(y.cumulativeDiscounted),
      num(y.kg),
    ]);
  });
  return { name: "yearly", title: t("export.yearly.title"), columns, rows };
}
