/**
 * Where everything sits in the bidder template: the one description both
 * the template writer (template.ts) and the reader (read-bid.ts) use, so a
 * cell the template asks for is the cell the import reads.
 *
 * Two kinds of input sheet: a form (one value per row: the label in A, the
 * input in B, the unit in C) and a table (a heading in row 3, one line per
 * row from row 4, at most TABLE_ROWS rows).
 */
import type { BidTextCode } from "./bid-text.js";

/** The drop-down lists, each a column of the hidden list sheet. */
export const LIST_NAMES = ["materials", "carriers", "vehicles", "machinery", "wasteRoutes", "epdUnits", "stages", "wasteLevels", "upkeepKinds"] as const;
export type ListName = (typeof LIST_NAMES)[number];

/** text: free text; amount: a number ≥ 0 with decimals; count: a whole number ≥ 0; years: a whole number ≥ 1. */
export type FieldType = "text" | "id" | "amount" | "count" | "years" | { list: ListName };

export type Field = {
  /** Names the `field.<key>` heading and the `noun.<key>` a problem uses. */
  key: string;
  type: FieldType;
  required: boolean;
  /** The unit shown beside a form's input (C), as a text code, or plain (NOK). */
  unit?: string;
};

export type FormSheet = { key: "bid" | "price"; kind: "form"; title: BidTextCode; fields: Field[] };
export type TableSheet = { key: "materials" | "epd" | "energy" | "delivery" | "machinery" | "upkeep" | "endOfLife"; kind: "table"; title: BidTextCode; fields: Field[] };
export type InputSheet = FormSheet | TableSheet;

/** The first row of a form's fields and of a table's lines; a table's heading is the row above. */
export const FORM_FIRST_ROW = 3;
export const TABLE_HEADING_ROW = 3;
export const TABLE_FIRST_ROW = 4;
/** Lines per table: the template validates this many, and the import refuses data below them. */
export const TABLE_ROWS = 200;
export const TABLE_LAST_ROW = TABLE_FIRST_ROW + TABLE_ROWS - 1;
/** A form's input column. */
export const FORM_INPUT_COLUMN = 2;
export const MAX_TEXT = 200;

const text = (key: string, required = false): Field => ({ key, type: "text", required });
const amount = (key: string, required = true): Field => ({ key, type: "amount", required });
const list = (key: string, name: ListName, required = true): Field => ({ key, type: { list: name }, required });

export const INPUT_SHEETS: readonly InputSheet[] = [
  {
    key: "bid",
    kind: "form",
    title: "title.bid",
    fields: [{ key: "bid.id", type: "id", required: true }, text("bid.name", true), list("bid.wasteLevel", "wasteLevels", false)],
  },
  {
    key: "price",
    kind: "form",
    title: "title.price",
    fields: [
      { ...amount("price.acquisition", false), unit: "NOK" },
      { ...amount("price.installation", false), unit: "NOK" },
      { ...amount("price.operation", false), unit: "NOK" },
      { ...amount("price.maintenance", false), unit: "NOK" },
    ],
  },
  { key: "materials", kind: "table", title: "title.materials", fields: [text("description"), list("material", "materials"), amount("massKg")] },
  {
    key: "epd",
    kind: "table",
    title: "title.epd",
    fields: [
      text("epd.product", true),
      amount("epd.quantity"),
      list("epd.unit", "epdUnits"),
      amount("epd.value"),
      list("epd.stage", "stages"),
      text("epd.registration", true),
      text("epd.verifier"),
      text("epd.programme"),
    ],
  },
  { key: "energy", kind: "table", title: "title.energy", fields: [text("description"), list("energy.carrier", "carriers"), amount("energy.perYear")] },
  {
    key: "delivery",
    kind: "table",
    title: "title.delivery",
    fields: [text("description"), list("delivery.vehicle", "vehicles"), { key: "delivery.trips", type: "count", required: true }, amount("delivery.km")],
  },
  { key: "machinery", kind: "table", title: "title.machinery", fields: [text("description"), list("machinery.machine", "machinery"), amount("machinery.amount")] },
  {
    key: "upkeep",
    kind: "table",
    title: "title.upkeep",
    fields: [
      text("description", true),
      list("upkeep.kind", "upkeepKinds"),
      list("material", "materials", false),
      amount("massKg", false),
      amount("upkeep.cost", false),
      { key: "upkeep.years", type: "years", required: true },
    ],
  },
  { key: "endOfLife", kind: "table", title: "title.endOfLife", fields: [text("description"), list("endOfLife.route", "wasteRoutes"), amount("massKg")] },
];

/** "A".."Z" for columns 1..26 (no sheet here is wider). */
export const columnLetter = (column: number): string => String.fromCharCode(64 + column);

/** A field's cell: a form's input in column B on the field's row; a table's column on a line's row. */
export function fieldCell(sheet: InputSheet, fieldIndex: number, row?: number): string {
  return sheet.kind === "form" ? `${columnLetter(FORM_INPUT_COLUMN)}${FORM_FIRST_ROW + fieldIndex}` : `${columnLetter(fieldIndex + 1)}${row ?? TABLE_FIRST_ROW}`;
}

/** The template format the metadata sheet names; an import reads only this one. */
export const TEMPLATE_FORMAT = "kalkyle.bid-template/1";
export const METADATA_KEYS = ["format", "lang", "caseId", "caseVersion", "factorSet", "factorSetHash", "parameters"] as const;
export type MetadataKey = (typeof METADATA_KEYS)[number];
