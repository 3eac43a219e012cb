/**
 * The one way a source is cited. Every user surface (the comparison page,
 * the report and its PDF, the factor library, the CSV and Excel exports,
 * the CLI) cites a factor through citationParts or citation: publisher,
 * dataset, year, table, the edition where it tells a reader something, and
 * the URL. Notes meant for maintainers ("verify against …", "secondary
 * transcription", repository names and commits) are taken out of the
 * edition and the table here, so a released set that still carries them
 * (set 2025-1) never shows them.
 *
 * resultCitation is the short form the result document has always carried
 * per item (publisher, dataset (year), table): kept as it was, so that
 * stored results and their checksums do not change.
 *
 * Example: citation({ publisher: "UK DESNZ", title: "GHG conversion factors 2025", year: 2025, table: "Fuels › Diesel",
 *            edition: "flat file (secondary transcription; verify)", url: "https://www.gov.uk/x", licence: "OGL" })
 *   → "UK DESNZ, GHG conversion factors 2025 (2025), Fuels › Diesel, flat file. https://www.gov.uk/x"
 */
import { scrubMaintainerNotes } from "./build/scrub.js";
import type { FactorSet } from "./factor-set.js";
import type { Source } from "./schema.js";

/** The id an item names for the case's chosen electricity factor (CHOSEN_ELECTRICITY in resolve-factor.ts, which imports this module). */
const CHOSEN_ELECTRICITY = "electricity";

/** "UK DESNZ, Greenhouse gas reporting: conversion factors 2025 (2025), Fuels › Diesel" */
export function resultCitation(source: Source): string {
  return `${source.publisher}, ${source.title} (${source.year}), ${source.table}`;
}

/** An http(s) URL, or null: a link a user may follow. */
export function sourceUrl(source: Pick<Source, "url">): string | null {
  return source.url !== undefined && /^https?:\/\//i.test(source.url) ? source.url : null;
}

/**
 * An aside about how the maintainers read the archive ("(archive metadata
 * says v3.81)") is for them, not a reader; the released sets keep it, the
 * citation leaves it out. Every other note for maintainers: scrubMaintainerNotes.
 */
const forReaders = (text: string) => scrubMaintainerNotes(text).replace(/\s*\([^()]*\bmetadata says\b[^()]*\)/gi, "");

/** The citation as text (publisher, dataset (year), table, edition) and the URL on its own, for a page that links it. */
export function citationParts(source: Source): { text: string; url: string | null } {
  const table = forReaders(source.table);
  const edition = source.edition === undefined ? "" : forReaders(source.edition);
  const text = `${source.publisher}, ${source.title} (${source.year})${table === "" ? "" : `, ${table}`}${edition === "" ? "" : `, ${edition}`}`;
  return { text, url: sourceUrl(source) };
}

/** The source as its fields, for a client that lays them out itself (GET /api/v1/factors): the edition and table without notes for maintainers, an edition that was nothing else left out, and only an http(s) URL. */
export function publicSource(source: Source): Omit<Source, "url"> & { url: string | null } {
  const { edition, ...rest } = source;
  const kept = edition === undefined ? "" : forReaders(edition);
  return { ...rest, table: forReaders(source.table), ...(kept !== "" && { edition: kept }), url: sourceUrl(source) };
}

/** The citation in one line, URL included: for files and the terminal, where there is no link. */
export function citation(source: Source): string {
  const { text, url } = citationParts(source);
  return url === null ? text : `${text}. ${url}`;
}

/**
 * The citation of a factor the items of a case name: its record's, and for
 * a chained record (kWh/km × electricity) also that of each record it goes
 * via, after the id; null when the set has no such record.
 *
 * Example: factorCitation(set, "vehicle.van.bev", "electricity.no.nve-2023")
 *   → "UK DESNZ, …, Vans › Battery EV. https://… × electricity.no.nve-2023: NVE, …. https://…"
 */
export function factorCitation(set: FactorSet, id: string, electricityId: string): string | null {
  const parts: string[] = [];
  const seen = new Set<string>();
  let next: string | undefined = id;
  while (next !== undefined && parts.length < 6) {
    const recordId: string = next === CHOSEN_ELECTRICITY ? electricityId : next;
    const record = set.records.get(recordId);
    if (record === undefined || seen.has(recordId)) break;
    seen.add(recordId);
    parts.push(parts.length === 0 ? citation(record.source) : `${recordId}: ${citation(record.source)}`);
    next = record.via;
  }
  return parts.length === 0 ? null : parts.join(" × ");
}
