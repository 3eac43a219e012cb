/** Sessions and login failures in SQLite (times in ms since 1970, as the web layer reckons them). */
import type Database from "better-sqlite3";
import { sha256Hex, type LoginThrottleStore, type SessionRecord, type SessionStore } from "./accounts.js";
import { withStoreErrors } from "./errors.js";

type SessionRow = { id: string; user_id: string; organisation_id: string; data: string; created_at: number; seen_at: number; expires_at: number };

/** Failures older than this are never counted again and are removed: a day is longer than any window. */
export const FAILURE_KEEP_MS = 24 * 3600 * 1000;

export function toSession(row: SessionRow): SessionRecord {
  return { id: row.id, userId: row.user_id, organisationId: row.organisation_id, data: JSON.parse(row.data), createdAt: Number(row.created_at), seenAt: Number(row.seen_at), expiresAt: Number(row.expires_at) };
}

export function sqliteSessions(db: Database.Database): SessionStore {
  const insert = db.prepare("INSERT INTO sessions (id, user_id, organisation_id, data, created_at, seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  const load = db.prepare<[string, number], SessionRow>("SELECT * FROM sessions WHERE id = ? AND expires_at > ?");
  const sweep = db.prepare("DELETE FROM sessions WHERE expires_at <= ?");
  const create = db.transaction((s: SessionRecord) => {
    sweep.run(s.createdAt);
    insert.run(s.id, s.userId, s.organisationId, JSON.stringify(s.data), s.createdAt, s.seenAt, s.expiresAt);
  });
  return withStoreErrors({
    async create(session: SessionRecord) {
      create.immediate(session);
    },
    async load(id: string, now: number) {
      const row = load.get(id, now);
      return row ? toSession(row) : null;
    },
    async update(id: string, change: { data?: SessionRecord["data"]; organisationId?: string; seenAt?: number; expiresAt?: number }) {
      db.prepare("UPDATE sessions SET data = coalesce(?, data), organisation_id = coalesce(?, organisation_id), seen_at = coalesce(?, seen_at), expires_at = coalesce(?, expires_at) WHERE id = ?").run(
        change.data ? JSON.stringify(change.data) : null,
        change.organisationId ?? null,
        change.seenAt ?? null,
        change.expiresAt ?? null,
        id,
      );
    },
    async destroy(id: string) {
      db.prepare("DELETE FROM sessions WHERE id = ?").run(id);
    },
    async sweep(now: number) {
      return sweep.run(now).changes;
    },
  });
}

export function sqliteThrottle(db: Database.Database): LoginThrottleStore {
  const count = db.prepare("SELECT count(*) FROM login_failures WHERE key = ? AND at > ?").pluck();
  const insert = db.prepare("INSERT INTO login_failures (key, at) VALUES (?, ?)");
  const record = db.transaction((keys: string[], at: number) => {
    db.prepare("DELETE FROM login_failures WHERE at <= ?").run(at - FAILURE_KEEP_MS);
    for (const key of keys) insert.run(sha256Hex(key), at);
  });
  return withStoreErrors({
    async failures(keys: string[], since: number) {
      return keys.map((key) => count.get(sha256Hex(key), since) as number);
    },
    async recordFailure(keys: string[], at: number) {
      record.immediate(keys, at);
    },
  });
}
