/**
 * The store's accounts: organisations, users, memberships with a role in
 * each organisation, sessions bound to a user, API tokens (kept as hashes
 * only) and the login failures that throttling counts. Reads that must
 * happen before anyone is known (a login, a session cookie, a bearer
 * token) are global; every change to members and tokens goes through the
 * organisation's scoped store and is audited there.
 */
import { createHash } from "node:crypto";
import type { Actor } from "./store.js";

export const ROLES = ["buyer", "adviser", "finance", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export type Organisation = { id: string; name: string; createdAt: string };
export type User = { id: string; email: string; name: string; createdAt: string };
export type UserWithPassword = User & { passwordHash: string | null };
export type Membership = { organisationId: string; organisationName: string; role: Role };
export type Member = User & { role: Role };

export type NewUser = { email: string; name: string; passwordHash: string | null };

/** What first start makes on an empty database: one organisation, its administrator, the examples. */
export type FirstStart = { organisationName: string; admin: NewUser; examples: Record<string, unknown>[] };
export type FirstStartOutcome = { created: boolean; organisationId: string; adminEmail: string; seeded: number };

export interface AccountStore {
  userByEmail(email: string): Promise<UserWithPassword | null>;
  user(id: string): Promise<User | null>;
  memberships(userId: string): Promise<Membership[]>;
  roleIn(userId: string, organisationId: string): Promise<Role | null>;
  organisation(id: string): Promise<Organisation | null>;
  /** A new organisation, audited in itself as `organisation.create`. */
  createOrganisation(name: string, actor: Actor): Promise<Organisation>;
  /**
   * On a database without users: one organisation (the one the migration
   * made for cases that were there before accounts, else a new one), its
   * administrator and, once per database, the examples; all audited, in
   * one transaction. With users there already, nothing (created: false).
   */
  firstStart(input: FirstStart): Promise<FirstStartOutcome>;
}

export type CreateMemberOutcome = { ok: true; member: Member } | { ok: false; reason: "email-taken" };
export type MemberChangeOutcome = { ok: true } | { ok: false; reason: "not-found" | "last-admin" };

/** The members of one organisation; every change audited (passwords as the time they changed, never the hash). */
export interface MemberStore {
  list(): Promise<Member[]>;
  get(userId: string): Promise<Member | null>;
  create(user: NewUser, role: Role): Promise<CreateMemberOutcome>;
  /** Refused when it would leave the organisation without an administrator. */
  setRole(userId: string, role: Role): Promise<MemberChangeOutcome>;
  /** Sets a member's password and ends every session of that user except `keepSessionId` (a hash). */
  setPassword(userId: string, passwordHash: string, keepSessionId?: string): Promise<MemberChangeOutcome>;
  /**
   * Ends a membership: the user's sessions and live API tokens in this organisation end with it (a token
   * does not come back if the user is added again); the user and their other memberships stay.
   * Refused when it would leave the organisation without an administrator.
   */
  remove(userId: string): Promise<MemberChangeOutcome>;
}

export type TokenInfo = { id: string; userId: string; userName: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };
export type NewToken = { userId: string; name: string; prefix: string; hash: string };

/** The API tokens of one organisation. */
export interface TokenStore {
  create(token: NewToken): Promise<TokenInfo | null>;
  /** The organisation's tokens, or one user's. */
  list(userId?: string): Promise<TokenInfo[]>;
  get(id: string): Promise<TokenInfo | null>;
  revoke(id: string): Promise<boolean>;
}

/** A bearer token as it acts: its user, with that user's present role in the token's organisation. */
export type TokenGrant = { tokenId: string; userId: string; organisationId: string; role: Role; lastUsedAt: string | null };

export interface TokenAuthStore {
  /** The live token with this hash whose user is still a member of its organisation, else null. */
  byHash(hash: string): Promise<TokenGrant | null>;
  markUsed(tokenId: string, at: string): Promise<void>;
}

export type SessionData = { csrfToken?: string | null; lang?: "nb" | "en" };

/** A session row: the cookie's id is kept only as its SHA-256 (`id` below). Times in ms since 1970. */
export type SessionRecord = { id: string; userId: string; organisationId: string; data: SessionData; createdAt: number; seenAt: number; expiresAt: number };

export interface SessionStore {
  /** Writes a new session and removes every expired one. */
  create(session: SessionRecord): Promise<void>;
  /** The session unless it has expired by `now`. */
  load(id: string, now: number): Promise<SessionRecord | null>;
  update(id: string, change: { data?: SessionData; organisationId?: string; seenAt?: number; expiresAt?: number }): Promise<void>;
  destroy(id: string): Promise<void>;
  /** Removes expired sessions; the number removed. */
  sweep(now: number): Promise<number>;
}

/** Failed logins, counted per key (an account, an address) in a sliding window; keys are stored hashed. */
export interface LoginThrottleStore {
  failures(keys: string[], since: number): Promise<number[]>;
  recordFailure(keys: string[], at: number): Promise<void>;
}

/** SHA-256 in hex: how session ids, token secrets and throttle keys are kept (never as sent). */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
