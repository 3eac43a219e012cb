/**
 * The bidder template: an Excel workbook a supplier fills in, made from a
 * case and its factor set (docs/bidder-template.md shows every sheet).
 *
 * - Instructions in bokmål and English, side by side.
 * - The buyer's parameters on a locked sheet (sheet protection without a
 *   password: it guards against slips, not against a determined editor;
 *   the import checks the parameters itself, by their fingerprint).
 * - One input sheet per kind of data (layout.ts): yellow input cells, the
 *   only unlocked ones, with validation in the sheet (numbers ≥ 0, whole
 *   numbers where a count is asked, drop-downs from a hidden list sheet).
 * - A very hidden metadata sheet: the template format, language, case id
 *   and version, factor set and its hash, and the parameters' fingerprint.
 */
import type ExcelJS from "exceljs";
import type { Lang } from "../case/messages.js";
import type { CaseDocument, CostItemInput, EmissionItemInput } from "../case/schema.js";
import { isCurrency, leadingNumberEnd, parseQuantity, writtenNumber } from "../core/units.js";
import type { FactorLibrary, FactorSet } from "../factors/factor-set.js";
import { citation } from "../factors/citation.js";
import { formatNumber } from "../i18n/numbers.js";
import { text, textOf } from "../i18n/catalogue.js";
import { bidProblemText } from "./bid-problems.js";
import { buyerParameters, type BuyerParameters } from "./buyer-parameters.js";
import { choicesOf, type Choices } from "./choices.js";
import {
  columnLetter,
  FORM_FIRST_ROW,
  FORM_INPUT_COLUMN,
  INPUT_SHEETS,
  LIST_NAMES,
  MAX_TEXT,
  TABLE_FIRST_ROW,
  TABLE_HEADING_ROW,
  TABLE_LAST_ROW,
  TEMPLATE_FORMAT,
  type Field,
  type InputSheet,
  type MetadataKey,
} from "./layout.js";

export type TemplateOptions = { lang: Lang; caseId?: string; caseVersion?: number };

const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
const HEADING_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } };
const THIN: ExcelJS.Borders = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" }, diagonal: {} } as ExcelJS.Borders;
/** Protection that lets a supplier select and fill cells, and nothing else. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true };

/** "Antall turer / Trips": every heading in both languages, bokmål first. */
const both = (key: string): string => {
  const nb = textOf("nb", `bid.${key}`);
  const en = textOf("en", `bid.${key}`);
  return nb === en ? nb : `${nb} / ${en}`;
};

export const sheetName = (key: string, lang: Lang): string => textOf(lang, `bid.sheet.${key}`);

let excel: Promise<typeof ExcelJS> | undefined;

/** The template's bytes; the case must have passed checkCase (the caller checks). */
export async function bidTemplate(doc: CaseDocument, library: FactorLibrary, options: TemplateOptions): Promise<Buffer> {
  const { Workbook } = await (excel ??= import("exceljs").then((m) => m.default));
  const workbook = new Workbook();
  workbook.creator = "Kalkyle";
  const params = buyerParameters(doc, library);
  const choices = choicesOf(params.set, options.lang);
  await addInstructions(workbook, options.lang);
  await addParameters(workbook, doc, params, options.lang);
  for (const sheet of INPUT_SHEETS) await addInputSheet(workbook, sheet, choices, options.lang);
  await addLists(workbook, choices, options.lang);
  addMetadata(workbook, {
    format: TEMPLATE_FORMAT,
    lang: options.lang,
    caseId: options.caseId ?? "",
    caseVersion: options.caseVersion === undefined ? "" : String(options.caseVersion),
    factorSet: params.set.id,
    factorSetHash: params.set.hash,
    parameters: params.fingerprint,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function addInstructions(workbook: ExcelJS.Workbook, lang: Lang): Promise<void> {
  const sheet = workbook.addWorksheet(sheetName("instructions", lang));
  sheet.columns = [{ width: 80 }, { width: 80 }];
  sheet.addRow(["Norsk (bokmål)", "English"]).font = { bold: true };
  // The sheets are named in the template's language; both columns name them so.
  const names = Object.fromEntries(["parameters", "bid", "price", "epd", "materials"].map((k) => [k, sheetName(k, lang)]));
  for (let i = 1; i <= 7; i++) {
    const key = `bid.help.${i}`;
    const row = sheet.addRow([textOf("nb", key, names), textOf("en", key, names)]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
  await sheet.protect("", PROTECTION);
}

/** A number as the template's language writes it, with the decimals it has (at most 3): 8 → "8", 1200.5 → "1 200,5". */
const written = (value: number, lang: Lang): string => formatNumber(value, lang, Math.min(3, (String(value).split(".")[1] ?? "").length));

/** "8 kg" or 8 as the template's language writes it ("1 200,5 kg"); text that is no quantity as it stands. */
function quantityText(quantity: string | number, lang: Lang): string {
  if (typeof quantity === "number") return written(quantity, lang);
  const parsed = parseQuantity(quantity);
  if (!parsed.ok) return quantity;
  const unit = parsed.quantity.unit === "unit" ? "" : ` ${parsed.quantity.unit}`;
  return `${written(parsed.quantity.value.toNumber(), lang)}${unit}`;
}

/** When an item occurs, in words: «ved periodens slutt», «i år 5», «hvert 10. år», «levetid 15 år». */
function timingText(item: EmissionItemInput | CostItemInput, lang: Lang): string[] {
  const words: string[] = [];
  if (item.at === "end") words.push(text(lang, "bid.param.at.end"));
  else if (item.at !== undefined) words.push(text(lang, "bid.param.at.year", { year: String(item.at) }));
  if (item.every !== undefined) words.push(text(lang, "bid.param.every", { years: String(item.every) }));
  if (item.life !== undefined) words.push(text(lang, "bid.param.life", { years: String(item.life) }));
  return words;
}

/** The factor an item uses, by name: the set's record, or the case's own figure in words. */
function factorText(factor: EmissionItemInput["factor"], set: FactorSet, lang: Lang): string {
  if (typeof factor === "string") return set.records.get(factor)?.names[lang] ?? text(lang, "bid.param.factor.unknown");
  if ("byYear" in factor) return text(lang, "bid.param.factor.byYear", { unit: factor.unit });
  return text(lang, "bid.param.factor.own", { value: written(factor.value, lang), unit: factor.unit });
}

/** An emission item in words: «Metallskrap, gjenvinning – 8 kg × 120, ved periodens slutt». */
function emissionLine(item: EmissionItemInput, set: FactorSet, lang: Lang): [string, string] {
  const kind = textOf(lang, `compare.kind.${item.kind}`);
  const head = text(lang, "bid.param.fixed.emission", { kind });
  const count = item.count === undefined ? "" : ` × ${written(item.count, lang)}`;
  const figures = [`${factorText(item.factor, set, lang)} – ${quantityText(item.quantity, lang)}${count}`, ...timingText(item, lang)];
  return [item.label ? `${head} (${item.label})` : head, figures.join(", ")];
}

/** "20000 NOK" → 20000 in NOK; a bare number is NOK, as the case format reads it; anything else has no value here. */
function amountOf(amount: string | number): { value?: number; currency: string } {
  if (typeof amount === "number") return { value: amount, currency: "NOK" };
  const t = amount.trim();
  const end = leadingNumberEnd(t);
  const rest = end < 0 ? t : t.slice(end).trim();
  if (end < 0 || writtenNumber(t, end) || !(rest === "" || isCurrency(rest))) return { currency: "NOK" };
  return { value: Number(t.slice(0, end)), currency: rest || "NOK" };
}

/**
 * A cost item: the amount as a number with a number format (Excel groups
 * the thousands as the reader's Excel does: «12 000 NOK», «12,000 NOK»), the
 * timing in words beside it; an amount that is no "number currency" as it stands.
 */
function costRow(sheet: ExcelJS.Worksheet, item: CostItemInput, lang: Lang): void {
  const kind = textOf(lang, `compare.costKind.${item.kind}`);
  const head = text(lang, "bid.param.fixed.cost", { kind });
  const { value, currency } = amountOf(item.amount);
  const row = sheet.addRow([item.label ? `${head} (${item.label})` : head, value ?? String(item.amount), timingText(item, lang).join(", ")]);
  styleParameter(row);
  if (value !== undefined) row.getCell(2).numFmt = `${Number.isInteger(value) ? "#,##0" : "#,##0.00"} "${currency}"`;
  row.getCell(2).alignment = { horizontal: "left", vertical: "top" };
}

async function addParameters(workbook: ExcelJS.Workbook, doc: CaseDocument, params: BuyerParameters, lang: Lang): Promise<void> {
  const sheet = workbook.addWorksheet(sheetName("parameters", lang));
  sheet.columns = [{ width: 45 }, { width: 90 }, { width: 30 }];
  sheet.addRow([both("param.heading")]).font = { bold: true, size: 13 };
  const { analysis } = doc;
  const set = params.set;
  const percent = (rate: number) => `${formatNumber(rate * 100, lang, 2)} %`;
  const pathName = (id: string) => set.economics.carbonPricePaths?.find((p) => p.id === id)?.names[lang] ?? id;
  const carbon =
    analysis.carbonPrice === undefined
      ? undefined
      : typeof analysis.carbonPrice === "string"
        ? text(lang, "bid.param.carbonPrice.path", { id: pathName(analysis.carbonPrice) })
        : text(lang, "bid.param.carbonPrice.table", { years: Object.entries(analysis.carbonPrice).map(([year, nok]) => `${year}: ${formatNumber(nok, lang)} NOK/t`).join("; ") });
  const el = params.electricity;
  const setName = set.manifest.names[lang];
  const rows: [string, string][] = [
    [both("param.case"), doc.title],
    ...(doc.functionalUnit ? [[both("param.functionalUnit"), doc.functionalUnit] as [string, string]] : []),
    [both("param.years"), String(analysis.years)],
    [both("param.startYear"), String(analysis.startYear)],
    [both("param.discountRate"), analysis.discountRate === undefined ? text(lang, "bid.param.discount.r109") : percent(analysis.discountRate)],
    ...(carbon ? [[both("param.carbonPrice"), carbon] as [string, string]] : []),
    [both("param.electricity"), `${el.names[lang]}: ${formatNumber(Number(el.value), lang, 4)} ${el.unit}`],
    [both("param.electricitySource"), citation(el.source)],
    // The set's name carries its edition ("Kalkyle faktorsett 2026-1"); the id is added only where it does not.
    [both("param.factorSet"), setName.includes(set.id) ? setName : `${setName} (${set.id})`],
    [both("param.factorSetHash"), set.hash],
  ];
  for (const [label, value] of rows) styleParameter(sheet.addRow([label, value]));
  sheet.addRow([]);
  sheet.addRow([both("param.fixed")]).font = { bold: true };
  const { costs, emissions } = params.fixed;
  if (costs.length + emissions.length === 0) styleParameter(sheet.addRow([text(lang, "bid.param.fixed.none"), ""]));
  for (const item of costs) costRow(sheet, item, lang);
  for (const item of emissions) styleParameter(sheet.addRow(emissionLine(item, set, lang)));
  await sheet.protect("", PROTECTION);
}

function styleParameter(row: ExcelJS.Row): void {
  row.getCell(1).font = { bold: true };
  row.alignment = { wrapText: true, vertical: "top" };
  row.eachCell((cell) => (cell.protection = { locked: true }));
}

/** The check Excel applies as the supplier types, with the import's own words for a wrong value. */
function validationOf(field: Field, choices: Choices, lang: Lang): ExcelJS.DataValidation {
  const say = (code: string, params: Record<string, string> = {}) => ({
    showErrorMessage: true,
    errorStyle: "stop" as const,
    errorTitle: "Kalkyle",
    error: bidProblemText({ sheet: "", cell: "", code, params: { field: field.key, ...params } }, lang).slice(0, 255),
  });
  const type = field.type;
  if (typeof type === "object") {
    const column = columnLetter(LIST_NAMES.indexOf(type.list) + 1);
    const last = Math.max(2, choices[type.list].length + 1);
    const error = text(lang, "bid.validate.list", { field: textOf(lang, `bid.noun.${field.key}`) });
    return { type: "list", allowBlank: true, formulae: [`'${sheetName("lists", lang)}'!$${column}$2:$${column}$${last}`], ...say("unknown-choice"), error };
  }
  if (type === "amount") return { type: "decimal", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0], ...say("not-a-number") };
  if (type === "count") return { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0], ...say("not-whole", { min: "0" }) };
  if (type === "years") return { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [1], ...say("not-whole", { min: "1" }) };
  const max = type === "id" ? 40 : MAX_TEXT;
  return { type: "textLength", operator: "lessThanOrEqual", allowBlank: true, formulae: [max], ...say("text-too-long", { max: String(max) }) };
}

function markInput(cell: ExcelJS.Cell, field: Field): void {
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
  cell.border = THIN;
  if (field.type === "amount") cell.numFmt = "#,##0.###";
}

async function addInputSheet(workbook: ExcelJS.Workbook, spec: InputSheet, choices: Choices, lang: Lang): Promise<void> {
  const sheet = workbook.addWorksheet(sheetName(spec.key, lang), { views: [{ state: "frozen", ySplit: spec.kind === "table" ? TABLE_HEADING_ROW : 0 }] });
  sheet.getCell("A1").value = both(spec.title);
  sheet.getCell("A1").font = { bold: true, size: 13 };
  if (spec.kind === "form") {
    sheet.columns = [{ width: 50 }, { width: 40 }, { width: 12 }];
    spec.fields.forEach((field, i) => {
      const row = sheet.getRow(FORM_FIRST_ROW + i);
      row.getCell(1).value = both(`field.${field.key}`);
      row.getCell(1).font = { bold: true };
      const input = row.getCell(FORM_INPUT_COLUMN);
      markInput(input, field);
      input.dataValidation = validationOf(field, choices, lang);
      if (field.unit) row.getCell(3).value = field.unit;
    });
  } else {
    sheet.getCell("A2").value = `${text("nb", "bid.hint.table")} / ${text("en", "bid.hint.table")}`;
    sheet.getCell("A2").alignment = { wrapText: false };
    sheet.columns = spec.fields.map((field) => ({ width: typeof field.type === "object" ? 55 : field.type === "text" ? 32 : 18 }));
    const heading = sheet.getRow(TABLE_HEADING_ROW);
    spec.fields.forEach((field, i) => {
      const cell = heading.getCell(i + 1);
      cell.value = both(`field.${field.key}`) + (field.required ? " *" : "");
      cell.font = { bold: true };
      cell.fill = HEADING_FILL;
      cell.alignment = { wrapText: true, vertical: "top" };
    });
    const validations = spec.fields.map((field) => validationOf(field, choices, lang));
    heading.height = 45;
    for (let r = TABLE_FIRST_ROW; r <= TABLE_LAST_ROW; r++) {
      const row = sheet.getRow(r);
      spec.fields.forEach((field, i) => {
        const cell = row.getCell(i + 1);
        markInput(cell, field);
        cell.dataValidation = validations[i]!;
      });
    }
  }
  await sheet.protect("", PROTECTION);
}

async function addLists(workbook: ExcelJS.Workbook, choices: Choices, lang: Lang): Promise<void> {
  const sheet = workbook.addWorksheet(sheetName("lists", lang), { state: "hidden" });
  LIST_NAMES.forEach((name, i) => {
    const column = sheet.getColumn(i + 1);
    column.values = [name, ...choices[name].map((c) => c.label)];
    column.width = 50;
  });
  // Hidden and locked like the other fixed sheets: a slip cannot change a list a drop-down reads (the import checks every choice anyway).
  await sheet.protect("", PROTECTION);
}

function addMetadata(workbook: ExcelJS.Workbook, values: Record<MetadataKey, string>): void {
  const sheet = workbook.addWorksheet(sheetName("metadata", "en"), { state: "veryHidden" });
  for (const [key, value] of Object.entries(values)) sheet.addRow([key, value]);
}

/** The file name a download carries: "anbudsskjema-<case>.xlsx" / "bid-form-<case>.xlsx", in plain ASCII. */
export function templateFileName(title: string, lang: Lang): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .replace(/[åÅ]/g, "a")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase()
    .slice(0, 60);
  return `${lang === "nb" ? "tilbudsskjema" : "bid-form"}${slug ? `-${slug}` : ""}.xlsx`;
}
