/**
 * Reads a filled bidder template back into ONE alternative of the case, or
 * every problem with its sheet and cell; nothing in between.
 *
 * In order: the zip container (zip-check.ts: size, macros, external
 * links); the workbook (exceljs); the metadata sheet (the template format,
 * the case, the factor set and the buyer's parameters it was made for);
 * each input sheet's cells (formulas refused, numbers ≥ 0, choices from
 * the lists, required cells); then the case with the new alternative goes
 * through the case evaluator's checks (checkCase), and each of its
 * problems is mapped back to the cell the value came from.
 *
 * Items carry data-quality tiers: an EPD row is "epd", or "epd-verified"
 * when a verifier is given, with its registration, verifier and programme;
 * every other row is "generic".
 */
import type ExcelJS from "exceljs";
import { checkCase } from "../case/evaluate-document.js";
import type { Lang, Problem } from "../case/messages.js";
import type { AlternativeInput, CaseDocument, CostItemInput, EmissionItemInput } from "../case/schema.js";
import type { FactorLibrary } from "../factors/factor-set.js";
import { parseNumber } from "../i18n/parse-number.js";
import type { BidProblem, BidProblemCode } from "./bid-problems.js";
import { buyerParameters } from "./buyer-parameters.js";
import { choiceIndex, type Choice, type ChoiceIndex } from "./choices.js";
import { fieldCell, FORM_FIRST_ROW, INPUT_SHEETS, MAX_TEXT, METADATA_KEYS, TABLE_FIRST_ROW, TABLE_LAST_ROW, TABLE_ROWS, TEMPLATE_FORMAT, type Field, type InputSheet, type MetadataKey } from "./layout.js";
import { sheetName } from "./template.js";
import { zipRefusal } from "./zip-check.js";

export type BidOptions = {
  /** The stored case's id, when there is one: a form made for another case is refused. */
  caseId?: string;
  /** Replace an alternative of the same id instead of refusing the bid. */
  replace?: boolean;
};

export type BidReading = { ok: true; alternative: AlternativeInput; document: CaseDocument; alternativeId: string; replaced: boolean } | { ok: false; problems: BidProblem[] };

/** A value read from a cell: a number, a choice or text, by the field's type. */
type Value = number | string | Choice;
type Row = { sheet: InputSheet; name: string; row: number; values: Map<string, Value> };

/** Where an item of the new alternative came from: the sheet, and the cell of each of its fields. */
type Origin = { sheet: string; cells: Record<string, { cell: string; field: string }>; first: { cell: string; field: string } };

const ID = /^[\p{L}\p{N}_-]{1,40}$/u;

let excel: Promise<typeof ExcelJS> | undefined;

/** Every problem of the file as a whole (sheet and cell empty). */
const fileProblem = (code: BidProblemCode, params: Record<string, string> = {}): BidProblem => ({ sheet: "", cell: "", code, params });

export async function readBid(bytes: Buffer, caseDoc: unknown, library: FactorLibrary, options: BidOptions = {}): Promise<BidReading> {
  const checked = checkCase(caseDoc, library);
  if (!checked.ok) return { ok: false, problems: checked.problems.map((p) => ({ sheet: "", cell: "", code: p.code, params: p.params })) };
  const refusal = zipRefusal(bytes);
  if (refusal) return { ok: false, problems: [fileProblem(refusal.code, refusal.params)] };
  const { Workbook } = await (excel ??= import("exceljs").then((m) => m.default));
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [fileProblem("file-unreadable")] };
  }
  const meta = metadataOf(workbook);
  if (meta === null) return { ok: false, problems: [fileProblem("not-a-template")] };
  const params = buyerParameters(checked.doc, library);
  const mismatch = metadataProblem(meta, params, options);
  if (mismatch) return { ok: false, problems: [mismatch] };
  const lang: Lang = meta.lang === "en" ? "en" : "nb";

  const problems: BidProblem[] = [];
  const rows = readSheets(workbook, lang, choiceIndex(params.set), problems);
  if (problems.length > 0) return { ok: false, problems };
  const built = buildAlternative(rows, checked.doc.analysis.years, problems);
  if (problems.length > 0 || built === null) return { ok: false, problems };
  const { alternative, origins, idCell, nameCell } = built;
  alternative.emissions.push(...params.fixed.emissions);
  alternative.costs.push(...params.fixed.costs);

  const existing = checked.doc.alternatives.findIndex((a) => a.id === alternative.id);
  if (existing >= 0 && !options.replace) return { ok: false, problems: [{ ...idCell, code: "id-exists", params: { id: alternative.id, field: "bid.id" } }] };
  const alternatives = [...checked.doc.alternatives];
  const index = existing >= 0 ? existing : alternatives.length;
  alternatives[index] = alternative;
  const document = { ...checked.doc, alternatives } as CaseDocument;
  const recheck = checkCase(document, library);
  if (!recheck.ok) return { ok: false, problems: recheck.problems.map((p) => cellOf(p, index, origins, { id: idCell, name: nameCell })) };
  return { ok: true, alternative, document, alternativeId: alternative.id, replaced: existing >= 0 };
}

function metadataOf(workbook: ExcelJS.Workbook): Partial<Record<MetadataKey, string>> | null {
  const sheet = workbook.getWorksheet(sheetName("metadata", "en"));
  if (!sheet) return null;
  const meta: Partial<Record<MetadataKey, string>> = {};
  for (let r = 1; r <= METADATA_KEYS.length; r++) {
    const key = plainText(sheet.getRow(r).getCell(1).value);
    if ((METADATA_KEYS as readonly string[]).includes(key)) meta[key as MetadataKey] = plainText(sheet.getRow(r).getCell(2).value);
  }
  return meta.format === TEMPLATE_FORMAT ? meta : null;
}

function metadataProblem(meta: Partial<Record<MetadataKey, string>>, params: ReturnType<typeof buyerParameters>, options: BidOptions): BidProblem | null {
  if (options.caseId !== undefined && meta.caseId && meta.caseId !== options.caseId) return fileProblem("other-case");
  if (meta.factorSet !== params.set.id) return fileProblem("other-factor-set", { given: meta.factorSet ?? "", expected: params.set.id });
  if (meta.factorSetHash !== params.set.hash) return fileProblem("factor-set-changed", { set: params.set.id });
  if (meta.parameters !== params.fingerprint) return fileProblem("parameters-changed");
  return null;
}

/** A cell's value as text: rich text joined, a hyperlink's text, numbers as written. */
function plainText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("").trim();
  if (typeof value === "object" && "text" in value && typeof value.text === "string") return value.text.trim();
  if (typeof value === "object" && "error" in value) return String(value.error);
  return "";
}

const isFormula = (cell: ExcelJS.Cell): boolean => {
  const value = cell.value as unknown;
  return typeof value === "object" && value !== null && ("formula" in value || "sharedFormula" in value);
};

function readSheets(workbook: ExcelJS.Workbook, lang: Lang, choices: ChoiceIndex, problems: BidProblem[]): Row[] {
  const rows: Row[] = [];
  for (const spec of INPUT_SHEETS) {
    const name = sheetName(spec.key, lang);
    const sheet = workbook.getWorksheet(name) ?? workbook.getWorksheet(sheetName(spec.key, lang === "nb" ? "en" : "nb"));
    if (!sheet) {
      problems.push({ sheet: name, cell: "", code: "sheet-missing", params: {} });
      continue;
    }
    const last = spec.kind === "form" ? FORM_FIRST_ROW + spec.fields.length - 1 : TABLE_LAST_ROW;
    if (sheet.actualRowCount > 0 && hasValuesAfter(sheet, last, spec.fields.length)) {
      problems.push({ sheet: sheet.name, cell: "", code: "too-many-rows", params: { last: String(last), rows: String(spec.kind === "form" ? spec.fields.length : TABLE_ROWS) } });
      continue;
    }
    if (spec.kind === "form") {
      const values = new Map<string, Value>();
      spec.fields.forEach((field, i) => readField(sheet, field, fieldCell(spec, i), choices, lang, values, problems));
      rows.push({ sheet: spec, name: sheet.name, row: FORM_FIRST_ROW, values });
      continue;
    }
    for (let r = TABLE_FIRST_ROW; r <= TABLE_LAST_ROW; r++) {
      const cells = spec.fields.map((_f, i) => sheet.getCell(fieldCell(spec, i, r)));
      if (cells.every((c) => plainText(c.value) === "" && !isFormula(c))) continue;
      const values = new Map<string, Value>();
      spec.fields.forEach((field, i) => readField(sheet, field, fieldCell(spec, i, r), choices, lang, values, problems));
      rows.push({ sheet: spec, name: sheet.name, row: r, values });
    }
  }
  return rows;
}

/** Whether any cell below row `last`, or right of the sheet's input columns, holds a value. */
function hasValuesAfter(sheet: ExcelJS.Worksheet, last: number, columns: number): boolean {
  if (sheet.rowCount <= last && sheet.columnCount <= columns + 1) return false;
  let found = false;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (found || number <= last) return;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (plainText(cell.value) !== "" || isFormula(cell)) found = true;
    });
  });
  return found;
}

function readField(sheet: ExcelJS.Worksheet, field: Field, address: string, choices: ChoiceIndex, lang: Lang, values: Map<string, Value>, problems: BidProblem[]): void {
  const cell = sheet.getCell(address);
  const at = (code: BidProblemCode, params: Record<string, string> = {}) => problems.push({ sheet: sheet.name, cell: address, code, params: { field: field.key, ...params } });
  if (isFormula(cell)) return void at("formula-in-input");
  const raw = plainText(cell.value);
  if (raw === "") {
    if (field.required) at("missing-value");
    return;
  }
  const type = field.type;
  if (typeof type === "object") {
    const choice = choices[type.list].get(raw.toLowerCase());
    return choice ? void values.set(field.key, choice) : void at("unknown-choice", { value: raw.slice(0, 80) });
  }
  if (type === "text" || type === "id") {
    if (raw.length > (type === "id" ? 40 : MAX_TEXT)) return void at("text-too-long", { max: String(type === "id" ? 40 : MAX_TEXT) });
    if (type === "id" && !ID.test(raw)) return void at("bad-id");
    return void values.set(field.key, raw);
  }
  const number = typeof cell.value === "number" ? cell.value : readNumber(raw, lang);
  if (number === null || !Number.isFinite(number) || number < 0 || number > 1e15) return void at(type === "amount" ? "not-a-number" : "not-whole", { min: type === "years" ? "1" : "0" });
  if (type !== "amount" && (!Number.isInteger(number) || (type === "years" && number < 1))) return void at("not-whole", { min: type === "years" ? "1" : "0" });
  values.set(field.key, number);
}

/** A number typed as text, the template language's way ("1 200,5" in bokmål, "1,200.5" in English). */
function readNumber(raw: string, lang: Lang): number | null {
  const parsed = parseNumber(raw, lang);
  return parsed.ok ? Number(parsed.decimal) : null;
}

/** A number as the case file writes it: decimal point, no groups. */
const decimalText = (n: number): string => String(n);
/** An amount as the rest of a case writes money ("950000 NOK"), so the imported bid reads like one typed by hand. */
const nokText = (n: number): string => `${decimalText(n)} NOK`;

type Built = { alternative: AlternativeInput & { emissions: EmissionItemInput[]; costs: CostItemInput[] }; origins: { emissions: Origin[]; costs: Origin[] }; idCell: { sheet: string; cell: string }; nameCell: { sheet: string; cell: string } };

/** The alternative the rows describe, with where each item came from; null (and problems) when a row lacks what its item needs. */
function buildAlternative(rows: Row[], years: number, problems: BidProblem[]): Built | null {
  const emissions: EmissionItemInput[] = [];
  const costs: CostItemInput[] = [];
  const origins = { emissions: [] as Origin[], costs: [] as Origin[] };
  let id = "";
  let name = "";
  let wasteLevel: string | undefined;
  let idCell = { sheet: "", cell: "" };
  let nameCell = { sheet: "", cell: "" };

  for (const row of rows) {
    const spec = row.sheet;
    const cellOfField = (key: string) => ({ cell: fieldCell(spec, spec.fields.findIndex((f) => f.key === key), row.row), field: key });
    const origin = (map: Record<string, string>): Origin => {
      const cells = Object.fromEntries(Object.entries(map).map(([itemField, key]) => [itemField, cellOfField(key)]));
      return { sheet: row.name, cells, first: cellOfField(spec.fields[spec.kind === "form" ? 0 : 1]!.key) };
    };
    const num = (key: string) => row.values.get(key) as number | undefined;
    const str = (key: string) => row.values.get(key) as string | undefined;
    const choice = (key: string) => row.values.get(key) as Choice | undefined;
    const label = (key = "description") => (str(key) !== undefined ? { label: str(key)! } : {});
    const emit = (item: EmissionItemInput, map: Record<string, string>) => (emissions.push(item), origins.emissions.push(origin(map)));
    const cost = (item: CostItemInput, map: Record<string, string>) => (costs.push(item), origins.costs.push(origin(map)));
    const missing = (key: string) => problems.push({ sheet: row.name, cell: cellOfField(key).cell, code: "missing-value", params: { field: key } });

    switch (spec.key) {
      case "bid": {
        id = str("bid.id") ?? "";
        name = str("bid.name") ?? "";
        wasteLevel = choice("bid.wasteLevel")?.value;
        idCell = { sheet: row.name, cell: cellOfField("bid.id").cell };
        nameCell = { sheet: row.name, cell: cellOfField("bid.name").cell };
        break;
      }
      case "price": {
        const once = (key: string, kind: CostItemInput["kind"]) => num(key) && cost({ kind, amount: nokText(num(key)!) }, { amount: key });
        const yearly = (key: string, kind: CostItemInput["kind"]) => num(key) && cost({ kind, amount: nokText(num(key)!), every: 1 }, { amount: key });
        once("price.acquisition", "acquisition");
        once("price.installation", "installation");
        yearly("price.operation", "operation");
        yearly("price.maintenance", "maintenance");
        break;
      }
      case "materials":
        if (choice("material") && num("massKg") !== undefined)
          emit({ ...label(), kind: "material", factor: choice("material")!.value, quantity: `${decimalText(num("massKg")!)} kg`, tier: "generic" }, { factor: "material", quantity: "massKg", label: "description" });
        break;
      case "epd": {
        const unit = choice("epd.unit")?.value;
        if (unit === undefined || num("epd.quantity") === undefined || num("epd.value") === undefined || !str("epd.registration")) break;
        const verifier = str("epd.verifier");
        const programme = str("epd.programme");
        emit(
          {
            ...label("epd.product"),
            kind: "material",
            factor: { value: num("epd.value")!, unit: `kgCO2e/${unit}` },
            quantity: `${decimalText(num("epd.quantity")!)} ${unit}`,
            stage: (choice("epd.stage")?.value ?? "A1-A3") as EmissionItemInput["stage"],
            tier: verifier ? "epd-verified" : "epd",
            epd: { registration: str("epd.registration")!, ...(verifier && { verifier }), ...(programme && { programme }) },
          },
          { factor: "epd.value", quantity: "epd.quantity", stage: "epd.stage", label: "epd.product", "epd.registration": "epd.registration", "epd.verifier": "epd.verifier", "epd.programme": "epd.programme", tier: "epd.registration", epd: "epd.registration" },
        );
        break;
      }
      case "energy": {
        const carrier = choice("energy.carrier");
        if (carrier && num("energy.perYear") !== undefined)
          emit({ ...label(), kind: "energy", factor: carrier.value, quantity: `${decimalText(num("energy.perYear")!)} ${carrier.unit}`, every: 1, tier: "generic" }, { factor: "energy.carrier", quantity: "energy.perYear", label: "description" });
        break;
      }
      case "delivery": {
        const vehicle = choice("delivery.vehicle");
        if (vehicle && num("delivery.km") !== undefined && num("delivery.trips") !== undefined)
          emit({ ...label(), kind: "delivery", factor: vehicle.value, quantity: `${decimalText(num("delivery.km")!)} km`, count: num("delivery.trips")!, tier: "generic" }, { factor: "delivery.vehicle", quantity: "delivery.km", count: "delivery.trips", label: "description" });
        break;
      }
      case "machinery": {
        const machine = choice("machinery.machine");
        if (machine && num("machinery.amount") !== undefined)
          emit({ ...label(), kind: "machinery", factor: machine.value, quantity: `${decimalText(num("machinery.amount")!)} ${machine.unit}`, tier: "generic" }, { factor: "machinery.machine", quantity: "machinery.amount", label: "description" });
        break;
      }
      case "upkeep": {
        const kind = choice("upkeep.kind")?.value;
        const interval = num("upkeep.years");
        const material = choice("material");
        const mass = num("massKg");
        if (material && mass === undefined) missing("massKg");
        if (!material && mass !== undefined) missing("material");
        if (!material && mass === undefined && num("upkeep.cost") === undefined) missing("upkeep.cost");
        if (kind === undefined || interval === undefined) break;
        // Maintenance every n years from year n; a replacement when the life is up, then once per life (residual value for the unused part at N).
        const timing = kind === "maintenance" ? { every: interval } : { at: interval, life: interval };
        // Nothing of it happens within the period: maintenance after N, or a replacement due in year N or later.
        if (kind === "maintenance" ? interval > years : interval >= years) break;
        const map = { every: "upkeep.years", at: "upkeep.years", life: "upkeep.years", label: "description" };
        if (num("upkeep.cost")) cost({ ...label(), kind: kind === "maintenance" ? "maintenance" : "replacement", amount: nokText(num("upkeep.cost")!), ...timing }, { ...map, amount: "upkeep.cost" });
        if (material && mass !== undefined) emit({ ...label(), kind: "material", factor: material.value, quantity: `${decimalText(mass)} kg`, stage: "B", tier: "generic", ...timing }, { ...map, factor: "material", quantity: "massKg" });
        break;
      }
      case "endOfLife": {
        const route = choice("endOfLife.route");
        if (route && num("massKg") !== undefined) emit({ ...label(), kind: "waste", factor: route.value, quantity: `${decimalText(num("massKg")!)} kg`, tier: "generic" }, { factor: "endOfLife.route", quantity: "massKg", label: "description" });
        break;
      }
    }
  }
  if (problems.length > 0) return null;
  if (emissions.length === 0 && costs.length === 0) {
    problems.push(fileProblem("no-input"));
    return null;
  }
  const alternative = { id, name, ...(wasteLevel && { wasteLevel: wasteLevel as AlternativeInput["wasteLevel"] }), emissions, costs };
  return { alternative, origins, idCell, nameCell };
}

const ITEM_PATH = /^alternatives\[(\d+)\]\.(emissions|costs)\[(\d+)\](?:\.([A-Za-z]+))?/;
const ALTERNATIVE_PATH = /^alternatives\[(\d+)\](?:\.([A-Za-z]+))?/;

/** A problem of the case with the bid in it, at the cell its value came from (the bid's id cell for the alternative itself). */
function cellOf(problem: Problem, index: number, origins: Built["origins"], bidCells: { id: Built["idCell"]; name: Built["nameCell"] }): BidProblem {
  const item = ITEM_PATH.exec(problem.path);
  if (item && Number(item[1]) === index) {
    const origin = origins[item[2] as "emissions" | "costs"][Number(item[3])];
    if (origin) {
      const place = (item[4] && origin.cells[item[4]]) || origin.first;
      return { sheet: origin.sheet, cell: place.cell, code: problem.code, params: { ...problem.params, field: place.field } };
    }
    // A fixed item of the buyer's: a problem of the parameters, not of the bid.
    return { sheet: "", cell: "", code: problem.code, params: problem.params };
  }
  const alternative = ALTERNATIVE_PATH.exec(problem.path);
  if (alternative && Number(alternative[1]) === index) {
    const isName = alternative[2] === "name";
    return { ...(isName ? bidCells.name : bidCells.id), code: problem.code, params: { ...problem.params, field: isName ? "bid.name" : "bid.id" } };
  }
  return { sheet: "", cell: "", code: problem.code, params: problem.params };
}
