/**
 * Accounts in SQLite: organisations, users and memberships, the members
 * and API tokens of one organisation (every change audited in its
 * transaction), bearer-token look-up, and first start.
 */
import type Database from "better-sqlite3";
import type { AccountStore, Member, MemberStore, Membership, NewToken, NewUser, Role, TokenAuthStore, TokenGrant, TokenInfo, TokenStore, User, UserWithPassword } from "./accounts.js";
import { withStoreErrors } from "./errors.js";
import type { AuditWriter } from "./sqlite-audit.js";
import type { SqliteSeed } from "./sqlite-cases.js";
import { emailKey, newId, SYSTEM_ACTOR, type Actor, type Scope } from "./store.js";

type UserRow = { id: string; email: string; name: string; created_at: string; password_hash: string | null };
type TokenRow = { id: string; user_id: string; user_name: string; name: string; prefix: string; created_at: string; last_used_at: string | null; revoked_at: string | null };

const toUser = (r: UserRow): User => ({ id: r.id, email: r.email, name: r.name, createdAt: r.created_at });
const toMember = (r: UserRow & { role: Role }): Member => ({ ...toUser(r), role: r.role });
const toToken = (r: TokenRow): TokenInfo => ({ id: r.id, userId: r.user_id, userName: r.user_name, name: r.name, prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at });
/** What the audit trail keeps of a user: never the password hash. */
const userImage = (u: { email: string; name: string }, role?: Role) => ({ email: u.email, name: u.name, ...(role ? { role } : {}) });

export type SqliteAccounts = {
  accounts: AccountStore;
  members: (scope: Scope) => MemberStore;
  tokens: (scope: Scope) => TokenStore;
  tokenAuth: TokenAuthStore;
};

export function sqliteAccounts(db: Database.Database, clock: () => Date, audit: AuditWriter, seed: SqliteSeed): SqliteAccounts {
  const now = () => clock().toISOString();
  const userByKey = db.prepare<[string], UserRow>("SELECT * FROM users WHERE email_key = ?");
  const userById = db.prepare<[string], UserRow>("SELECT * FROM users WHERE id = ?");
  const insertUser = db.prepare("INSERT INTO users (id, email, email_key, name, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  const insertMembership = db.prepare("INSERT INTO memberships (organisation_id, user_id, role, created_at) VALUES (?, ?, ?, ?)");
  const insertOrganisation = db.prepare("INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)");
  const member = db.prepare<[string, string], UserRow & { role: Role }>("SELECT u.*, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organisation_id = ? AND m.user_id = ?");
  const admins = db.prepare("SELECT count(*) FROM memberships WHERE organisation_id = ? AND role = 'admin'").pluck();

  const createOrganisation = db.transaction((name: string, actor: Actor) => {
    const organisation = { id: newId(), name, createdAt: now() };
    insertOrganisation.run(organisation.id, name, organisation.createdAt);
    audit({ organisationId: organisation.id, actor }, organisation.createdAt, { action: "organisation.create", entityType: "organisation", entityId: organisation.id, after: { name } });
    return organisation;
  });
  const addUser = (scope: Scope, user: NewUser, role: Role): Member | null => {
    if (userByKey.get(emailKey(user.email))) return null;
    const at = now();
    const id = newId();
    insertUser.run(id, user.email.trim(), emailKey(user.email), user.name, user.passwordHash, at, user.passwordHash ? at : null);
    insertMembership.run(scope.organisationId, id, role, at);
    audit(scope, at, { action: "user.create", entityType: "user", entityId: id, after: userImage(user, role) });
    return { id, email: user.email.trim(), name: user.name, createdAt: at, role };
  };
  const firstStart = db.transaction((input: Parameters<AccountStore["firstStart"]>[0]) => {
    const existing = db.prepare("SELECT id FROM organisations ORDER BY created_at, id LIMIT 1").pluck().get() as string | undefined;
    if (db.prepare("SELECT 1 FROM users LIMIT 1").get()) return { created: false, organisationId: existing ?? "", adminEmail: "", seeded: 0 };
    const organisationId = existing ?? createOrganisation(input.organisationName, SYSTEM_ACTOR).id;
    const scope = { organisationId, actor: SYSTEM_ACTOR };
    addUser(scope, input.admin, "admin");
    return { created: true, organisationId, adminEmail: input.admin.email.trim(), seeded: seed(scope, input.examples) };
  });

  const accounts: AccountStore = withStoreErrors({
    async userByEmail(email: string): Promise<UserWithPassword | null> {
      const row = userByKey.get(emailKey(email));
      return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
    },
    async user(id: string) {
      const row = userById.get(id);
      return row ? toUser(row) : null;
    },
    async memberships(userId: string): Promise<Membership[]> {
      return db.prepare("SELECT m.organisation_id, o.name, m.role FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = ? ORDER BY o.name, o.id").all(userId).map((r) => {
        const row = r as { organisation_id: string; name: string; role: Role };
        return { organisationId: row.organisation_id, organisationName: row.name, role: row.role };
      });
    },
    async roleIn(userId: string, organisationId: string) {
      return (db.prepare("SELECT role FROM memberships WHERE user_id = ? AND organisation_id = ?").pluck().get(userId, organisationId) as Role | undefined) ?? null;
    },
    async organisation(id: string) {
      const row = db.prepare("SELECT * FROM organisations WHERE id = ?").get(id) as { id: string; name: string; created_at: string } | undefined;
      return row ? { id: row.id, name: row.name, createdAt: row.created_at } : null;
    },
    async createOrganisation(name: string, actor: Actor) {
      return createOrganisation.immediate(name, actor);
    },
    async firstStart(input: Parameters<AccountStore["firstStart"]>[0]) {
      return firstStart.immediate(input);
    },
  });

  const createMember = db.transaction((scope: Scope, user: NewUser, role: Role) => addUser(scope, user, role));
  const setRole = db.transaction((scope: Scope, userId: string, role: Role) => {
    const before = member.get(scope.organisationId, userId);
    if (!before) return { ok: false as const, reason: "not-found" as const };
    if (before.role === role) return { ok: true as const };
    if (before.role === "admin" && (admins.get(scope.organisationId) as number) <= 1) return { ok: false as const, reason: "last-admin" as const };
    db.prepare("UPDATE memberships SET role = ? WHERE organisation_id = ? AND user_id = ?").run(role, scope.organisationId, userId);
    audit(scope, now(), { action: "user.role", entityType: "user", entityId: userId, before: userImage(before, before.role), after: userImage(before, role) });
    return { ok: true as const };
  });
  const setPassword = db.transaction((scope: Scope, userId: string, hash: string, keep?: string) => {
    const before = member.get(scope.organisationId, userId);
    if (!before) return { ok: false as const, reason: "not-found" as const };
    const at = now();
    db.prepare("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?").run(hash, at, userId);
    db.prepare("DELETE FROM sessions WHERE user_id = ? AND id IS NOT ?").run(userId, keep ?? null);
    audit(scope, at, { action: "user.password", entityType: "user", entityId: userId, before: userImage(before), after: { ...userImage(before), passwordChangedAt: at } });
    return { ok: true as const };
  });
  const removeMember = db.transaction((scope: Scope, userId: string) => {
    const before = member.get(scope.organisationId, userId);
    if (!before) return { ok: false as const, reason: "not-found" as const };
    if (before.role === "admin" && (admins.get(scope.organisationId) as number) <= 1) return { ok: false as const, reason: "last-admin" as const };
    const at = now();
    db.prepare("UPDATE api_tokens SET revoked_at = ? WHERE organisation_id = ? AND user_id = ? AND revoked_at IS NULL").run(at, scope.organisationId, userId);
    db.prepare("DELETE FROM sessions WHERE organisation_id = ? AND user_id = ?").run(scope.organisationId, userId);
    db.prepare("DELETE FROM memberships WHERE organisation_id = ? AND user_id = ?").run(scope.organisationId, userId);
    audit(scope, at, { action: "user.remove", entityType: "user", entityId: userId, before: userImage(before, before.role) });
    return { ok: true as const };
  });
  const members = (scope: Scope): MemberStore =>
    withStoreErrors({
      async list() {
        return (db.prepare("SELECT u.*, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organisation_id = ? ORDER BY u.name, u.email").all(scope.organisationId) as (UserRow & { role: Role })[]).map(toMember);
      },
      async get(userId: string) {
        const row = member.get(scope.organisationId, userId);
        return row ? toMember(row) : null;
      },
      async create(user: NewUser, role: Role) {
        const created = createMember.immediate(scope, user, role);
        return created ? { ok: true as const, member: created } : { ok: false as const, reason: "email-taken" as const };
      },
      async setRole(userId: string, role: Role) {
        return setRole.immediate(scope, userId, role);
      },
      async setPassword(userId: string, hash: string, keep?: string) {
        return setPassword.immediate(scope, userId, hash, keep);
      },
      async remove(userId: string) {
        return removeMember.immediate(scope, userId);
      },
    });

  const TOKEN = "SELECT t.*, u.name AS user_name FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.organisation_id = ?";
  const tokenById = db.prepare<[string, string], TokenRow>(`${TOKEN} AND t.id = ?`);
  const createToken = db.transaction((scope: Scope, token: NewToken) => {
    if (!member.get(scope.organisationId, token.userId)) return null;
    const id = newId();
    const at = now();
    db.prepare("INSERT INTO api_tokens (id, organisation_id, user_id, name, prefix, hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)").run(id, scope.organisationId, token.userId, token.name, token.prefix, token.hash, at);
    const info = toToken(tokenById.get(scope.organisationId, id)!);
    audit(scope, at, { action: "token.create", entityType: "token", entityId: id, after: { name: info.name, prefix: info.prefix, userId: info.userId } });
    return info;
  });
  const revokeToken = db.transaction((scope: Scope, id: string) => {
    const at = now();
    if (db.prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND organisation_id = ? AND revoked_at IS NULL").run(at, id, scope.organisationId).changes === 0) return false;
    const info = toToken(tokenById.get(scope.organisationId, id)!);
    audit(scope, at, { action: "token.revoke", entityType: "token", entityId: id, before: { name: info.name, prefix: info.prefix, userId: info.userId }, after: { revokedAt: at } });
    return true;
  });
  const tokens = (scope: Scope): TokenStore =>
    withStoreErrors({
      async create(token: NewToken) {
        return createToken.immediate(scope, token);
      },
      async list(userId?: string) {
        const rows = userId === undefined ? db.prepare(`${TOKEN} ORDER BY t.created_at DESC, t.id`).all(scope.organisationId) : db.prepare(`${TOKEN} AND t.user_id = ? ORDER BY t.created_at DESC, t.id`).all(scope.organisationId, userId);
        return (rows as TokenRow[]).map(toToken);
      },
      async get(id: string) {
        const row = tokenById.get(scope.organisationId, id);
        return row ? toToken(row) : null;
      },
      async revoke(id: string) {
        return revokeToken.immediate(scope, id);
      },
    });

  const grant = db.prepare(
    "SELECT t.id, t.user_id, t.organisation_id, t.last_used_at, m.role FROM api_tokens t JOIN memberships m ON m.organisation_id = t.organisation_id AND m.user_id = t.user_id WHERE t.hash = ? AND t.revoked_at IS NULL",
  );
  const tokenAuth: TokenAuthStore = withStoreErrors({
    async byHash(hash: string): Promise<TokenGrant | null> {
      const row = grant.get(hash) as { id: string; user_id: string; organisation_id: string; last_used_at: string | null; role: Role } | undefined;
      return row ? { tokenId: row.id, userId: row.user_id, organisationId: row.organisation_id, role: row.role, lastUsedAt: row.last_used_at } : null;
    },
    async markUsed(tokenId: string, at: string) {
      db.prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").run(at, tokenId);
    },
  });

  return { accounts, members, tokens, tokenAuth };
}
