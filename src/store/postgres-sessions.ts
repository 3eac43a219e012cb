/** Sessions and login failures in PostgreSQL (times in ms since 1970, as BIGINT). */
import type pg from "pg";
import { sha256Hex, type LoginThrottleStore, type SessionRecord, type SessionStore } from "./accounts.js";
import { withStoreErrors } from "./errors.js";
import { inTransaction } from "./postgres-transaction.js";
import { FAILURE_KEEP_MS, toSession } from "./sqlite-sessions.js";

export function postgresSessions(pool: pg.Pool): SessionStore {
  return withStoreErrors({
    async create(s: SessionRecord) {
      await inTransaction(pool, async (c) => {
        await c.query("DELETE FROM sessions WHERE expires_at <= $1", [s.createdAt]);
        await c.query("INSERT INTO sessions (id, user_id, organisation_id, data, created_at, seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)", [s.id, s.userId, s.organisationId, JSON.stringify(s.data), s.createdAt, s.seenAt, s.expiresAt]);
      });
    },
    async load(id: string, now: number) {
      const { rows } = await pool.query("SELECT * FROM sessions WHERE id = $1 AND expires_at > $2", [id, now]);
      return rows[0] ? toSession(rows[0]) : null;
    },
    async update(id: string, change: { data?: SessionRecord["data"]; organisationId?: string; seenAt?: number; expiresAt?: number }) {
      await pool.query("UPDATE sessions SET data = coalesce($2, data), organisation_id = coalesce($3, organisation_id), seen_at = coalesce($4, seen_at), expires_at = coalesce($5, expires_at) WHERE id = $1", [
        id,
        change.data ? JSON.stringify(change.data) : null,
        change.organisationId ?? null,
        change.seenAt ?? null,
        change.expiresAt ?? null,
      ]);
    },
    async destroy(id: string) {
      await pool.query("DELETE FROM sessions WHERE id = $1", [id]);
    },
    async sweep(now: number) {
      return (await pool.query("DELETE FROM sessions WHERE expires_at <= $1", [now])).rowCount ?? 0;
    },
  });
}

export function postgresThrottle(pool: pg.Pool): LoginThrottleStore {
  return withStoreErrors({
    async failures(keys: string[], since: number) {
      const { rows } = await pool.query<{ key: string; n: number }>("SELECT key, count(*)::integer AS n FROM login_failures WHERE key = ANY($1) AND at > $2 GROUP BY key", [keys.map(sha256Hex), since]);
      const counts = new Map(rows.map((r) => [r.key, r.n]));
      return keys.map((key) => counts.get(sha256Hex(key)) ?? 0);
    },
    async recordFailure(keys: string[], at: number) {
      await inTransaction(pool, async (c) => {
        await c.query("DELETE FROM login_failures WHERE at <= $1", [at - FAILURE_KEEP_MS]);
        for (const key of keys) await c.query("INSERT INTO login_failures (key, at) VALUES ($1, $2)", [sha256Hex(key), at]);
      });
    },
  });
}
