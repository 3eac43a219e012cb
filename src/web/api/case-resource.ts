/**
 * How a stored case looks in the JSON API, its ETag (the version number,
 * quoted) and the If-Match header read back into a version.
 *
 * Example: a case at version 3 has `ETag: "3"`; `If-Match: "3"` (or `3`,
 * `W/"3"`) → 3; `If-Match: *` → undefined (any version).
 */
import { z } from "zod";
import type { CaseSummary, StoredCase } from "../../store/store.js";
import { problemIssue } from "../handler.js";

export const API_BASE = "/api/v1";

export const caseHref = (id: string): string => `${API_BASE}/cases/${encodeURIComponent(id)}`;

export function caseSummaryJson(c: CaseSummary) {
  return { id: c.id, title: c.title, alternatives: c.alternatives, version: c.version, updatedAt: c.updatedAt, href: caseHref(c.id) };
}

export function caseJson(c: StoredCase) {
  return { id: c.id, title: c.title, version: c.version, createdAt: c.createdAt, updatedAt: c.updatedAt, document: c.document };
}

export const etagOf = (version: number): string => `"${version}"`;

/** The version an If-Match header asks for; undefined when absent or `*`; a 400 at "If-Match" when it names no version. */
export const ifMatchVersion = z
  .string()
  .optional()
  .transform((header, ctx) => {
    if (header === undefined || header.trim() === "*") return undefined;
    const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
    if (!match) {
      ctx.addIssue(problemIssue("integer", {}, "If-Match"));
      return z.NEVER;
    }
    return Number(match[1]);
  });
