/**
 * Persistence behind one interface, so the web layer never sees SQL:
 * SQLite (sqlite-store.ts) and PostgreSQL (postgres-store.ts) stand behind
 * it with the same semantics, and openStore (open-store.ts) picks one.
 * Methods are whole units of work (save a case, delete a case), each one
 * transaction inside the adapter; a failure the user can act on rejects
 * with a typed error (errors.ts).
 */
import { randomBytes } from "node:crypto";

export type CaseSummary = {
  id: string;
  title: string;
  alternatives: number;
  version: number;
  updatedAt: string;
};

export type StoredCase = CaseSummary & {
  /** The case document as the user saved it (kalkyle.case/1). */
  document: Record<string, unknown>;
  createdAt: string;
};

export type StoredResult = {
  caseId: string;
  version: number;
  factorSet: string;
  factorSetHash: string;
  result: unknown;
  computedAt: string;
};

/** A version's result as the caller computed it; the store adds the case id and the version it was saved as. */
export type ResultOfVersion = Omit<StoredResult, "caseId" | "version">;

export type SaveOutcome = { ok: true; saved: StoredCase } | { ok: false; reason: "not-found" | "conflict" };

export type ListQuery = { search?: string; limit?: number; offset?: number };

export interface CaseStore {
  list(query: ListQuery): Promise<{ total: number; cases: CaseSummary[] }>;
  get(id: string): Promise<StoredCase | null>;
  /** The case's version and time of saving only, without its document: enough to tell whether something kept for a version is still current. */
  stamp(id: string): Promise<{ version: number; updatedAt: string } | null>;
  /** Stores a new case and, in the same transaction, its result (none for a case that does not evaluate). */
  create(document: Record<string, unknown>, result?: ResultOfVersion): Promise<StoredCase>;
  /**
   * Replaces the document and, in the same transaction, stores the new
   * version's result: both are kept or neither. With expectedVersion,
   * refuses if someone saved in between.
   */
  update(id: string, document: Record<string, unknown>, expectedVersion?: number, result?: ResultOfVersion): Promise<SaveOutcome>;
  remove(id: string): Promise<boolean>;
  latestResult(caseId: string): Promise<StoredResult | null>;
  /** Inserts the example cases once, on the very first start; never again. */
  seedOnce(documents: Record<string, unknown>[]): Promise<number>;
}

export type SessionData = { csrfToken?: string | null; lang?: "nb" | "en" };

export interface SessionStore {
  load(id: string, now: number): Promise<SessionData | null>;
  save(id: string, data: SessionData, expiresAt: number): Promise<void>;
  destroy(id: string): Promise<void>;
}

export type Store = {
  cases: CaseStore;
  sessions: SessionStore;
  /** Resolves when the database answers a trivial query (for /readyz); rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export function titleOf(document: Record<string, unknown>): string {
  return typeof document.title === "string" ? document.title : "";
}

export function alternativeCount(document: Record<string, unknown>): number {
  return Array.isArray(document.alternatives) ? document.alternatives.length : 0;
}

export function newCaseId(): string {
  return randomBytes(9).toString("base64url");
}

/** LIKE pattern for a user's search text, with % and _ taken literally (escape character: backslash). */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
