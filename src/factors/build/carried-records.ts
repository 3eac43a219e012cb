/**
 * Records that set 2025-2 takes over from 2025-1: citations without
 * maintainer notes, and every DESNZ flat-file record checked against its
 * raw row (same flat-file ID, same value) so a reviewer knows the carried
 * value is the published one.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Decimal } from "../../core/decimal.js";
import type { FactorRecord } from "../schema.js";
import { readCsv, type Row } from "./raw-rows.js";
import { scrubMaintainerNotes } from "./scrub.js";

export type FactorFile = { description?: string | undefined; records: FactorRecord[] };

export function readSetFiles(dir: string): Map<string, FactorFile> {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json") && !["set.json", "economics.json", "changes.json"].includes(f)).sort();
  return new Map(files.map((f) => [f, JSON.parse(readFileSync(join(dir, f), "utf8")) as FactorFile]));
}

/** The record with no maintainer notes in its source, note or names. */
export function cleanRecord(record: FactorRecord): FactorRecord {
  const { edition, ...source } = record.source;
  const cleanEdition = edition === undefined ? "" : scrubMaintainerNotes(edition);
  const note = record.note === undefined ? "" : scrubMaintainerNotes(record.note);
  return {
    ...record,
    source: { ...source, table: scrubMaintainerNotes(source.table), ...(cleanEdition === "" ? {} : { edition: cleanEdition }) },
    ...(note === "" ? { note: undefined } : { note }),
  };
}

export function cleanFile(file: FactorFile): FactorFile {
  return { ...(file.description ? { description: scrubMaintainerNotes(file.description) } : {}), records: file.records.map(cleanRecord) };
}

/** Flat-file rows of the DESNZ 2025 extracts by ID. */
export function desnzRowsById(folder: string): Map<string, Row> {
  const rows = readdirSync(folder).filter((f) => f.endsWith(".csv")).flatMap((f) => readCsv(join(folder, f)));
  return new Map(rows.filter((r) => r.ID).map((r) => [r.ID!, r]));
}

/** Problems where a record citing a DESNZ 2025 flat-file ID disagrees with that row. */
export function checkAgainstDesnz(records: FactorRecord[], rows: Map<string, Row>): string[] {
  const problems: string[] = [];
  for (const r of records) {
    const id = /flat-file ID (\d+(?:_\d+)+)/.exec(r.source.table)?.[1];
    if (!id || r.source.year !== 2025 || !r.unit.startsWith("kgCO2e/")) continue;
    const published = rows.get(id)?.["GHG Conversion Factor 2025"];
    if (published === undefined || published === "") problems.push(`${r.id}: flat-file ID ${id} has no published row`);
    else if (!new Decimal(published).eq(new Decimal(r.value))) problems.push(`${r.id}: ${r.value} but flat-file row ${id} says ${published}`);
  }
  return problems;
}
