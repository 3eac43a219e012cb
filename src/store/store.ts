/**
 * Persistence behind one interface, so the web layer never sees SQL:
 * SQLite (sqlite-store.ts) and PostgreSQL (postgres-store.ts) stand behind
 * it with the same semantics, and openStore (open-store.ts) picks one.
 * Methods are whole units of work (save a case, delete a case), each one
 * transaction inside the adapter; a failure the user can act on rejects
 * with a typed error (errors.ts).
 *
 * Everything that belongs to an organisation (cases, their results, the
 * audit trail, members, API tokens, the climate adviser's data) is
 * reached only through `store.scoped({ organisationId, actor })`: every
 * statement behind it names the organisation, so no query can forget it,
 * and every change it makes writes its audit row (who, when, what, before
 * and after) in the same transaction.
 */
import { randomBytes } from "node:crypto";
import type { ResultDocument } from "../case/result-schema.js";
import type { AccountStore, LoginThrottleStore, MemberStore, SessionStore, TokenAuthStore, TokenStore } from "./accounts.js";
import type { AuditReader } from "./audit.js";
import type { ClimateStore } from "./climate.js";

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
  /** Parsed with the result schema on read (stored-documents.ts). */
  result: ResultDocument;
  computedAt: string;
};

/**
 * A version's result as the caller computed it (a `kalkyle.result/1`
 * document, kept as given); the store adds the case id and the version it
 * was saved as, and checks the document when it is read back.
 */
export type ResultOfVersion = Omit<StoredResult, "caseId" | "version" | "result"> & { result: unknown };

export type SaveOutcome = { ok: true; saved: StoredCase } | { ok: false; reason: "not-found" | "conflict" };

export type ListQuery = { search?: string; limit?: number; offset?: number };

/** Who makes a change, and through which door: a user (web, API, command line), or Kalkyle itself (first start, migrations). */
export type Actor = { userId: string | null; via: "web" | "api" | "cli" | "system" };
export const SYSTEM_ACTOR: Actor = { userId: null, via: "system" };

export type Scope = { organisationId: string; actor: Actor };

/** The cases of one organisation. */
export interface CaseStore {
  list(query: ListQuery): Promise<{ total: number; cases: CaseSummary[] }>;
  /** Rejects with StoreFormatError when the kept document is of a format version this build does not read. */
  get(id: string): Promise<StoredCase | null>;
  /** The case's version and time of saving only, without its document: enough to tell whether something kept for a version is still current. */
  stamp(id: string): Promise<{ version: number; updatedAt: string } | null>;
  /** Stores a new case and, in the same transaction, its result (none for a case that does not evaluate) and its audit row. */
  create(document: Record<string, unknown>, result?: ResultOfVersion): Promise<StoredCase>;
  /**
   * Replaces the document and, in the same transaction, stores the new
   * version's result and the audit row: all are kept or none. With
   * expectedVersion, refuses if someone saved in between (checked in the
   * statement that writes).
   */
  update(id: string, document: Record<string, unknown>, expectedVersion?: number, result?: ResultOfVersion): Promise<SaveOutcome>;
  remove(id: string): Promise<boolean>;
  /** The newest version's result; rejects with StoreFormatError when the kept document is not a readable `kalkyle.result/1`. */
  latestResult(caseId: string): Promise<StoredResult | null>;
  /** Inserts the example cases once per database, on the very first start; never again. */
  seedOnce(documents: Record<string, unknown>[]): Promise<number>;
}

/** One organisation's data, every change made by `actor`. */
export type ScopedStore = { scope: Scope; cases: CaseStore; members: MemberStore; tokens: TokenStore; audit: AuditReader; climate: ClimateStore };

export type Store = {
  scoped(scope: Scope): ScopedStore;
  accounts: AccountStore;
  sessions: SessionStore;
  tokens: TokenAuthStore;
  throttle: LoginThrottleStore;
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

/** A random id for a case, a user, an organisation or a token record (72 bits, URL-safe). */
export function newCaseId(): string {
  return randomBytes(9).toString("base64url");
}
export const newId = newCaseId;

/** LIKE pattern for a user's search text, with % and _ taken literally (escape character: backslash). */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The form of an e-mail address that must be unique: trimmed, lower case (so Ola@X.no and ola@x.no are one account). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
