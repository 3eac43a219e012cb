/**
 * Reads the raw source rows under emission-factors/sources/: CSV files as
 * the publisher printed them (RFC 4180 quoting) and each folder's
 * citation.json, the citation its generated records carry.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Source } from "../schema.js";

export type Row = Record<string, string>;

/** Splits one CSV line into fields; a quoted field may hold commas and doubled quotes. */
function fields(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === "," && !quoted) {
      out.push(field);
      field = "";
    } else field += c;
  }
  out.push(field);
  return out;
}

/** The rows of a CSV file as objects keyed by the header. */
export function readCsv(file: string): Row[] {
  const [header, ...lines] = readFileSync(file, "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  const names = fields(header!);
  return lines.map((line) => Object.fromEntries(fields(line).map((v, i) => [names[i] ?? `column ${i}`, v.trim()])));
}

export type Citation = Omit<Source, "table" | "edition">;

export function readCitation(folder: string): Citation {
  return JSON.parse(readFileSync(join(folder, "citation.json"), "utf8")) as Citation;
}

/** The one row whose columns have these values; a missing or doubled row is an error naming it. */
export function theRow(rows: Row[], match: Row, file: string): Row {
  const hits = rows.filter((r) => Object.entries(match).every(([k, v]) => r[k] === v));
  if (hits.length !== 1) throw new Error(`${file}: ${hits.length} rows match ${JSON.stringify(match)}, expected 1`);
  return hits[0]!;
}
