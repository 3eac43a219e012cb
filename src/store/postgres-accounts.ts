/**
 * Accounts in PostgreSQL: the same units of work as sqlite-accounts.ts,
 * each in one transaction with its audit row. First start takes a
 * transaction-level advisory lock, so two processes starting on an empty
 * database make one administrator.
 */
import type pg from "pg";
import type { AccountStore, FirstStart, Member, MemberStore, Membership, NewToken, NewUser, Role, TokenAuthStore, TokenGrant, TokenInfo, TokenStore, User, UserWithPassword } from "./accounts.js";
import { withStoreErrors } from "./errors.js";
import { writeAudit } from "./postgres-audit.js";
import { seedExamples } from "./postgres-cases.js";
import { inTransaction, type Queryable } from "./postgres-transaction.js";
import { emailKey, newId, SYSTEM_ACTOR, type Actor, type Scope } from "./store.js";

type UserRow = { id: string; email: string; name: string; created_at: Date; password_hash: string | null };
type TokenRow = { id: string; user_id: string; user_name: string; name: string; prefix: string; created_at: Date; last_used_at: Date | null; revoked_at: Date | null };

/** Key of the advisory lock under which first start runs. */
const FIRST_START_LOCK = 4_711_2027;

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const toUser = (r: UserRow): User => ({ id: r.id, email: r.email, name: r.name, createdAt: r.created_at.toISOString() });
const toMember = (r: UserRow & { role: Role }): Member => ({ ...toUser(r), role: r.role });
const toToken = (r: TokenRow): TokenInfo => ({ id: r.id, userId: r.user_id, userName: r.user_name, name: r.name, prefix: r.prefix, createdAt: r.created_at.toISOString(), lastUsedAt: iso(r.last_used_at), revokedAt: iso(r.revoked_at) });
const userImage = (u: { email: string; name: string }, role?: Role) => ({ email: u.email, name: u.name, ...(role ? { role } : {}) });

const MEMBER = "SELECT u.*, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organisation_id = $1";
const TOKEN = "SELECT t.*, u.name AS user_name FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.organisation_id = $1";

async function memberOf(c: Queryable, organisationId: string, userId: string, lock = false): Promise<(UserRow & { role: Role }) | undefined> {
  return (await c.query<UserRow & { role: Role }>(`${MEMBER} AND m.user_id = $2${lock ? " FOR UPDATE OF m" : ""}`, [organisationId, userId])).rows[0];
}

async function createOrganisation(c: Queryable, name: string, actor: Actor, now: string) {
  const organisation = { id: newId(), name, createdAt: now };
  await c.query("INSERT INTO organisations (id, name, created_at) VALUES ($1, $2, $3)", [organisation.id, name, now]);
  await writeAudit(c, { organisationId: organisation.id, actor }, now, { action: "organisation.create", entityType: "organisation", entityId: organisation.id, after: { name } });
  return organisation;
}

/** A new user and their membership, or null when the e-mail is taken (checked by the unique key, so two at once cannot both win). */
async function addUser(c: Queryable, scope: Scope, user: NewUser, role: Role, now: string): Promise<Member | null> {
  const id = newId();
  const inserted = await c.query(
    "INSERT INTO users (id, email, email_key, name, password_hash, created_at, password_changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (email_key) DO NOTHING",
    [id, user.email.trim(), emailKey(user.email), user.name, user.passwordHash, now, user.passwordHash ? now : null],
  );
  if (!inserted.rowCount) return null;
  await c.query("INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)", [scope.organisationId, id, role, now]);
  await writeAudit(c, scope, now, { action: "user.create", entityType: "user", entityId: id, after: userImage(user, role) });
  return { id, email: user.email.trim(), name: user.name, createdAt: now, role };
}

export type PostgresAccounts = { accounts: AccountStore; members: (scope: Scope) => MemberStore; tokens: (scope: Scope) => TokenStore; tokenAuth: TokenAuthStore };

export function postgresAccounts(pool: pg.Pool, clock: () => Date): PostgresAccounts {
  const now = () => clock().toISOString();
  const accounts: AccountStore = withStoreErrors({
    async userByEmail(email: string): Promise<UserWithPassword | null> {
      const row = (await pool.query<UserRow>("SELECT * FROM users WHERE email_key = $1", [emailKey(email)])).rows[0];
      return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
    },
    async user(id: string) {
      const row = (await pool.query<UserRow>("SELECT * FROM users WHERE id = $1", [id])).rows[0];
      return row ? toUser(row) : null;
    },
    async memberships(userId: string): Promise<Membership[]> {
      const { rows } = await pool.query<{ organisation_id: string; name: string; role: Role }>("SELECT m.organisation_id, o.name, m.role FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = $1 ORDER BY o.name, o.id", [userId]);
      return rows.map((r) => ({ organisationId: r.organisation_id, organisationName: r.name, role: r.role }));
    },
    async roleIn(userId: string, organisationId: string) {
      return (await pool.query<{ role: Role }>("SELECT role FROM memberships WHERE user_id = $1 AND organisation_id = $2", [userId, organisationId])).rows[0]?.role ?? null;
    },
    async organisation(id: string) {
      const row = (await pool.query<{ id: string; name: string; created_at: Date }>("SELECT * FROM organisations WHERE id = $1", [id])).rows[0];
      return row ? { id: row.id, name: row.name, createdAt: row.created_at.toISOString() } : null;
    },
    async createOrganisation(name: string, actor: Actor) {
      return inTransaction(pool, (c) => createOrganisation(c, name, actor, now()));
    },
    async firstStart(input: FirstStart) {
      return inTransaction(pool, async (c) => {
        await c.query("SELECT pg_advisory_xact_lock($1)", [FIRST_START_LOCK]);
        const existing = (await c.query<{ id: string }>("SELECT id FROM organisations ORDER BY created_at, id LIMIT 1")).rows[0]?.id;
        if ((await c.query("SELECT 1 FROM users LIMIT 1")).rowCount) return { created: false, organisationId: existing ?? "", adminEmail: "", seeded: 0 };
        const at = now();
        const organisationId = existing ?? (await createOrganisation(c, input.organisationName, SYSTEM_ACTOR, at)).id;
        const scope = { organisationId, actor: SYSTEM_ACTOR };
        await addUser(c, scope, input.admin, "admin", at);
        return { created: true, organisationId, adminEmail: input.admin.email.trim(), seeded: await seedExamples(c, scope, input.examples, at) };
      });
    },
  });

  const members = (scope: Scope): MemberStore => {
    const org = scope.organisationId;
    return withStoreErrors({
      async list() {
        return (await pool.query<UserRow & { role: Role }>(`${MEMBER} ORDER BY u.name, u.email`, [org])).rows.map(toMember);
      },
      async get(userId: string) {
        const row = await memberOf(pool, org, userId);
        return row ? toMember(row) : null;
      },
      async create(user: NewUser, role: Role) {
        const created = await inTransaction(pool, (c) => addUser(c, scope, user, role, now()));
        return created ? { ok: true as const, member: created } : { ok: false as const, reason: "email-taken" as const };
      },
      async setRole(userId: string, role: Role) {
        return inTransaction(pool, async (c) => {
          // The organisation's admins locked first, so two demotions at once cannot leave none.
          await c.query("SELECT 1 FROM memberships WHERE organisation_id = $1 AND role = 'admin' FOR UPDATE", [org]);
          const before = await memberOf(c, org, userId, true);
          if (!before) return { ok: false as const, reason: "not-found" as const };
          if (before.role === role) return { ok: true as const };
          const admins = Number((await c.query<{ n: string }>("SELECT count(*) AS n FROM memberships WHERE organisation_id = $1 AND role = 'admin'", [org])).rows[0]!.n);
          if (before.role === "admin" && admins <= 1) return { ok: false as const, reason: "last-admin" as const };
          await c.query("UPDATE memberships SET role = $3 WHERE organisation_id = $1 AND user_id = $2", [org, userId, role]);
          await writeAudit(c, scope, now(), { action: "user.role", entityType: "user", entityId: userId, before: userImage(before, before.role), after: userImage(before, role) });
          return { ok: true as const };
        });
      },
      async setPassword(userId: string, hash: string, keep?: string) {
        return inTransaction(pool, async (c) => {
          const before = await memberOf(c, org, userId);
          if (!before) return { ok: false as const, reason: "not-found" as const };
          const at = now();
          await c.query("UPDATE users SET password_hash = $2, password_changed_at = $3 WHERE id = $1", [userId, hash, at]);
          await c.query("DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2", [userId, keep ?? null]);
          await writeAudit(c, scope, at, { action: "user.password", entityType: "user", entityId: userId, before: userImage(before), after: { ...userImage(before), passwordChangedAt: at } });
          return { ok: true as const };
        });
      },
      async remove(userId: string) {
        return inTransaction(pool, async (c) => {
          // The organisation's admins locked first, as for a role change, so two removals at once cannot leave none.
          await c.query("SELECT 1 FROM memberships WHERE organisation_id = $1 AND role = 'admin' FOR UPDATE", [org]);
          const before = await memberOf(c, org, userId, true);
          if (!before) return { ok: false as const, reason: "not-found" as const };
          const admins = Number((await c.query<{ n: string }>("SELECT count(*) AS n FROM memberships WHERE organisation_id = $1 AND role = 'admin'", [org])).rows[0]!.n);
          if (before.role === "admin" && admins <= 1) return { ok: false as const, reason: "last-admin" as const };
          const at = now();
          await c.query("UPDATE api_tokens SET revoked_at = $3 WHERE organisation_id = $1 AND user_id = $2 AND revoked_at IS NULL", [org, userId, at]);
          await c.query("DELETE FROM sessions WHERE organisation_id = $1 AND user_id = $2", [org, userId]);
          await c.query("DELETE FROM memberships WHERE organisation_id = $1 AND user_id = $2", [org, userId]);
          await writeAudit(c, scope, at, { action: "user.remove", entityType: "user", entityId: userId, before: userImage(before, before.role) });
          return { ok: true as const };
        });
      },
    });
  };

  const tokens = (scope: Scope): TokenStore => {
    const org = scope.organisationId;
    const byId = async (c: Queryable, id: string) => (await c.query<TokenRow>(`${TOKEN} AND t.id = $2`, [org, id])).rows[0];
    return withStoreErrors({
      async create(token: NewToken) {
        return inTransaction(pool, async (c) => {
          if (!(await memberOf(c, org, token.userId))) return null;
          const id = newId();
          const at = now();
          await c.query("INSERT INTO api_tokens (id, organisation_id, user_id, name, prefix, hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)", [id, org, token.userId, token.name, token.prefix, token.hash, at]);
          const info = toToken((await byId(c, id))!);
          await writeAudit(c, scope, at, { action: "token.create", entityType: "token", entityId: id, after: { name: info.name, prefix: info.prefix, userId: info.userId } });
          return info;
        });
      },
      async list(userId?: string) {
        const { rows } = userId === undefined ? await pool.query<TokenRow>(`${TOKEN} ORDER BY t.created_at DESC, t.id`, [org]) : await pool.query<TokenRow>(`${TOKEN} AND t.user_id = $2 ORDER BY t.created_at DESC, t.id`, [org, userId]);
        return rows.map(toToken);
      },
      async get(id: string) {
        const row = await byId(pool, id);
        return row ? toToken(row) : null;
      },
      async revoke(id: string) {
        return inTransaction(pool, async (c) => {
          const at = now();
          if (!(await c.query("UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND organisation_id = $2 AND revoked_at IS NULL", [id, org, at])).rowCount) return false;
          const info = toToken((await byId(c, id))!);
          await writeAudit(c, scope, at, { action: "token.revoke", entityType: "token", entityId: id, before: { name: info.name, prefix: info.prefix, userId: info.userId }, after: { revokedAt: at } });
          return true;
        });
      },
    });
  };

  const tokenAuth: TokenAuthStore = withStoreErrors({
    async byHash(hash: string): Promise<TokenGrant | null> {
      const { rows } = await pool.query<{ id: string; user_id: string; organisation_id: string; last_used_at: Date | null; role: Role }>(
        "SELECT t.id, t.user_id, t.organisation_id, t.last_used_at, m.role FROM api_tokens t JOIN memberships m ON m.organisation_id = t.organisation_id AND m.user_id = t.user_id WHERE t.hash = $1 AND t.revoked_at IS NULL",
        [hash],
      );
      const row = rows[0];
      return row ? { tokenId: row.id, userId: row.user_id, organisationId: row.organisation_id, role: row.role, lastUsedAt: iso(row.last_used_at) } : null;
    },
    async markUsed(tokenId: string, at: string) {
      await pool.query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1", [tokenId, at]);
    },
  });

  return { accounts, members, tokens, tokenAuth };
}
