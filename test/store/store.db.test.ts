/**
 * The one store suite, run against every adapter (SQLite always,
 * PostgreSQL when KALKYLE_TEST_DATABASE_URL is set): the same cases, the
 * same answers. Each test gets a fresh database.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreFormatError } from "../../src/store/errors.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { SYSTEM_ACTOR } from "../../src/store/store.js";
import { ADAPTERS, type TestDatabase, type TestStore } from "./adapters.js";

const result = (value: unknown) => ({ factorSet: "s", factorSetHash: "h", result: value, computedAt: "2026-01-01T00:00:00Z" });
/** The smallest `kalkyle.result/1` document: no alternatives, titled so that a test can tell versions apart. */
const resultDoc = (title: string) => ({
  schema: "kalkyle.result/1",
  title,
  factorSet: "s",
  factorSetHash: "h",
  analysis: {
    startYear: 2026,
    years: 10,
    discountRate: 0.04,
    discountRateSource: "given",
    discountSchedule: [{ fromYear: 0, rate: 0.04 }],
    electricity: { factor: "el.grid", basis: "location", kgCO2ePerUnit: 0.02, unit: "kWh" },
    priceYear: 2026,
  },
  alternatives: [],
  ranking: { method: "waste-pyramid", order: [] },
  comparison: [],
  warnings: [],
  notes: [],
});
const doc = (title: string) => ({ schema: "kalkyle.case/1", title, analysis: { startYear: 2026, years: 10 }, alternatives: [{ id: "A", name: "A" }, { id: "B", name: "B" }] });
const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));

describe.each(ADAPTERS)("$name store", (adapter) => {
  if (adapter.skipped) {
    it.skip(`skipped: ${adapter.skipped}`, () => {});
    return;
  }
  let database: TestDatabase;
  let store: TestStore;
  beforeEach(async () => {
    database = await adapter.database();
    store = await database.open();
  });
  afterEach(async () => database.drop());

  it("running the migrations again is a no-op", async () => {
    expect(await database.migrate(MIGRATIONS)).toBe(0);
    expect(await database.count("schema_migrations")).toBe(MIGRATIONS.length);
  });

  it("a failing migration step changes nothing and can be retried", async () => {
    const next = LATEST + 1;
    await expect(database.migrate([{ version: next, sql: "CREATE TABLE extra (x INTEGER); INSERT INTO nowhere VALUES (1);" }])).rejects.toThrow(/nowhere/);
    expect(await database.tableExists("extra")).toBe(false);
    expect(await database.rows("SELECT max(version) AS v FROM schema_migrations")).toEqual([{ v: LATEST }]);
    expect(await database.migrate([{ version: next, sql: "CREATE TABLE extra (x INTEGER);" }])).toBe(1);
    expect(await database.rows("SELECT max(version) AS v FROM schema_migrations")).toEqual([{ v: next }]);
  });

  it("keeps what was saved across a reopen, the document exactly as saved (key order, text, æøå)", async () => {
    const document = { ...doc("Kontorstoler på Tøyen"), zeta: "1234.50", alpha: { b: [1, 2.5, null], a: "«sitat»" } };
    const created = await store.cases.create(document);
    await store.close();
    store = await database.open();
    const again = await store.cases.get(created.id);
    expect(JSON.stringify(again?.document)).toBe(JSON.stringify(document));
    expect(again).toMatchObject({ title: "Kontorstoler på Tøyen", alternatives: 2, version: 1 });
  });

  it("stamps a save with the store's clock, to the millisecond, and says the same in get, stamp and list", async () => {
    const at = new Date("2026-03-01T10:20:30.456Z");
    const clocked = await database.open({ clock: () => at });
    const created = await clocked.cases.create(doc("A"));
    expect(created).toMatchObject({ createdAt: at.toISOString(), updatedAt: at.toISOString() });
    expect(await store.cases.stamp(created.id)).toEqual({ version: 1, updatedAt: "2026-03-01T10:20:30.456Z" });
    expect((await store.cases.list({})).cases[0]?.updatedAt).toBe("2026-03-01T10:20:30.456Z");
    expect(await store.cases.stamp("missing")).toBeNull();
  });

  it("refuses an update against a stale version and bumps the version otherwise", async () => {
    const created = await store.cases.create(doc("A"));
    const first = await store.cases.update(created.id, doc("B"), 1);
    expect(first.ok && first.saved.version).toBe(2);
    expect(await store.cases.update(created.id, doc("C"), 1)).toEqual({ ok: false, reason: "conflict" });
    expect(await store.cases.update("missing", doc("C"))).toEqual({ ok: false, reason: "not-found" });
    expect(await store.cases.update("missing", doc("C"), 1)).toEqual({ ok: false, reason: "not-found" });
  });

  it("searches titles with % and _ taken literally, whatever the case of the letters", async () => {
    await store.cases.create(doc("100% ombruk"));
    await store.cases.create(doc("1000 ombruk"));
    expect((await store.cases.list({ search: "100%" })).cases.map((c) => c.title)).toEqual(["100% ombruk"]);
    expect((await store.cases.list({ search: "OMBRUK" })).total).toBe(2);
    expect((await store.cases.list({ search: "' OR 1=1 --" })).total).toBe(0);
    expect((await store.cases.list({ search: "\\" })).total).toBe(0);
  });

  it("lists the newest first, a page at a time, with the total of all", async () => {
    let tick = Date.parse("2026-01-01T00:00:00Z");
    const clocked = await database.open({ clock: () => new Date((tick += 1000)) });
    for (const title of ["a", "b", "c", "d", "e"]) await clocked.cases.create(doc(title));
    const page = await store.cases.list({ limit: 2, offset: 1 });
    expect(page).toMatchObject({ total: 5, cases: [{ title: "d", alternatives: 2, version: 1 }, { title: "c" }] });
  });

  it("seeds the examples once, and never again after the user deleted them", async () => {
    expect(await store.cases.seedOnce([doc("E1"), doc("E2")])).toBe(2);
    const { cases } = await store.cases.list({});
    for (const c of cases) await store.cases.remove(c.id);
    expect(await store.cases.seedOnce([doc("E1"), doc("E2")])).toBe(0);
    expect((await store.cases.list({})).total).toBe(0);
    expect(await store.cases.remove(cases[0]!.id)).toBe(false);
  });

  it("writes one audit row per change of a case, with who, the organisation, before and after, and refuses to alter the audit log", async () => {
    const actor = { userId: "u-1", via: "api" as const };
    const cases = store.scoped({ organisationId: store.organisationId, actor }).cases;
    const created = await cases.create(doc("A"));
    await cases.update(created.id, doc("B"));
    await cases.remove(created.id);
    const { entries } = await store.scoped({ organisationId: store.organisationId, actor }).audit.list({ entityType: "case", entityId: created.id });
    expect(entries.map((e) => [e.action, e.actorId, e.via, e.organisationId])).toEqual([
      ["case.delete", "u-1", "api", store.organisationId],
      ["case.update", "u-1", "api", store.organisationId],
      ["case.create", "u-1", "api", store.organisationId],
    ]);
    expect(entries.map((e) => [(e.before as { title?: string } | null)?.title ?? null, (e.after as { title?: string } | null)?.title ?? null])).toEqual([["B", null], ["A", "B"], [null, "A"]]);
    expect((entries[1]!.after as { document: unknown }).document).toEqual(doc("B"));
    const before = await database.count("audit");
    await expect(database.rows("UPDATE audit SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(database.rows("DELETE FROM audit")).rejects.toThrow(/append-only/);
    expect(await database.count("audit")).toBe(before);
  });

  it("keeps each organisation's cases, results and audit trail to itself", async () => {
    const other = await store.accounts.createOrganisation("Nabokommunen", SYSTEM_ACTOR);
    const theirs = store.scoped({ organisationId: other.id, actor: SYSTEM_ACTOR });
    const mine = await store.cases.create(doc("Mine stoler"), result(resultDoc("x")));
    const their = await theirs.cases.create(doc("Deres stoler"));
    expect((await theirs.cases.list({})).cases.map((c) => c.title)).toEqual(["Deres stoler"]);
    expect(await theirs.cases.get(mine.id)).toBeNull();
    expect(await theirs.cases.stamp(mine.id)).toBeNull();
    expect(await theirs.cases.latestResult(mine.id)).toBeNull();
    expect(await theirs.cases.update(mine.id, doc("Kapret"))).toEqual({ ok: false, reason: "not-found" });
    expect(await theirs.cases.remove(mine.id)).toBe(false);
    expect((await store.cases.get(mine.id))?.title).toBe("Mine stoler");
    expect(await store.cases.get(their.id)).toBeNull();
    const audit = (await theirs.audit.list({})).entries;
    expect(audit.map((e) => e.action).sort()).toEqual(["case.create", "organisation.create"]);
    expect(audit.every((e) => e.organisationId === other.id)).toBe(true);
  });

  it("deleting a case deletes its stored results", async () => {
    const created = await store.cases.create(doc("A"), result(resultDoc("x")));
    expect((await store.cases.latestResult(created.id))?.result).toEqual(resultDoc("x"));
    await store.cases.remove(created.id);
    expect(await database.count("results")).toBe(0);
  });

  it("keeps a version and its result together: version 1's result, then version 2's", async () => {
    const created = await store.cases.create(doc("A"), result(resultDoc("v1")));
    expect(await store.cases.latestResult(created.id)).toEqual({ caseId: created.id, version: 1, factorSet: "s", factorSetHash: "h", result: resultDoc("v1"), computedAt: "2026-01-01T00:00:00Z" });
    const updated = await store.cases.update(created.id, doc("B"), 1, result(resultDoc("v2")));
    expect(updated.ok && updated.saved.version).toBe(2);
    expect(await store.cases.latestResult(created.id)).toMatchObject({ version: 2, result: { title: "v2" } });
    expect(await store.cases.update(created.id, doc("C"), 1, result(resultDoc("v3")))).toEqual({ ok: false, reason: "conflict" });
    expect(await store.cases.latestResult(created.id)).toMatchObject({ version: 2, result: { title: "v2" } });
  });

  it("when the result cannot be written, the case version is not kept either (create and update)", async () => {
    const created = await store.cases.create(doc("A"), result(resultDoc("v1")));
    const snapshot = async () => ({ cases: await database.rows("SELECT id, version, title, document FROM cases ORDER BY id"), audit: await database.count("audit") });
    const before = await snapshot();
    await database.refuseResults();
    await expect(store.cases.create(doc("New"), result(resultDoc("v9")))).rejects.toThrow(/results cannot be written/);
    await expect(store.cases.update(created.id, doc("B"), 1, result(resultDoc("v2")))).rejects.toThrow(/results cannot be written/);
    await expect(store.cases.update(created.id, doc("B"), undefined, result(resultDoc("v2")))).rejects.toThrow(/results cannot be written/);
    expect(await snapshot()).toEqual(before);
    expect(await store.cases.latestResult(created.id)).toMatchObject({ version: 1, result: { title: "v1" } });
    // The store goes on working after the refusals.
    expect((await store.cases.update(created.id, doc("B"), 1)).ok).toBe(true);
  });

  it("a case that does not evaluate is saved without a result", async () => {
    const created = await store.cases.create(doc("A"));
    expect(await store.cases.latestResult(created.id)).toBeNull();
  });

  it("a kept result of another format version is refused with a typed error naming the version, never returned", async () => {
    const created = await store.cases.create(doc("A"), result({ ...resultDoc("v1"), schema: "kalkyle.result/2" }));
    const refusal = await store.cases.latestResult(created.id).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StoreFormatError);
    expect(refusal).toMatchObject({ document: "result", found: "kalkyle.result/2", problems: [] });
    expect((refusal as Error).message).toBe(`the stored result of case ${created.id} version 1 has format "kalkyle.result/2"; this version of Kalkyle reads kalkyle.result/1`);
  });

  it("a kept kalkyle.result/1 that does not match the format is refused with the path: a NaN figure, kept as null", async () => {
    const created = await store.cases.create(doc("A"), result({ ...resultDoc("v1"), analysis: { ...resultDoc("v1").analysis, discountRate: Number.NaN } }));
    const refusal = await store.cases.latestResult(created.id).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StoreFormatError);
    expect(refusal).toMatchObject({ document: "result", found: "kalkyle.result/1", problems: [expect.stringMatching(/^analysis\.discountRate: /)] });
  });

  it("a kept case of another format version, or of none, is refused when read; the list still names it and it can be deleted", async () => {
    const future = await store.cases.create({ ...doc("Fra en nyere versjon"), schema: "kalkyle.case/2" });
    const unversioned = await store.cases.create({ title: "Uten format" });
    await expect(store.cases.get(future.id)).rejects.toMatchObject({ name: "StoreFormatError", document: "case", found: "kalkyle.case/2" });
    await expect(store.cases.get(unversioned.id)).rejects.toMatchObject({ name: "StoreFormatError", document: "case", found: null });
    expect((await store.cases.list({})).cases.map((c) => c.title).sort()).toEqual(["Fra en nyere versjon", "Uten format"]);
    expect(await store.cases.remove(future.id)).toBe(true);
  });

  it("sessions belong to a user, expire, change, are destroyed, and expired rows go when a session is made", async () => {
    const admin = store.scoped({ organisationId: store.organisationId, actor: SYSTEM_ACTOR });
    const created = await admin.members.create({ email: "Kari@Kommune.no", name: "Kari", passwordHash: "h" }, "buyer");
    const userId = created.ok ? created.member.id : "";
    const session = (id: string, createdAt: number, expiresAt: number) => ({ id, userId, organisationId: store.organisationId, data: { lang: "en" as const }, createdAt, seenAt: createdAt, expiresAt });
    await store.sessions.create(session("s1", 0, 1000));
    expect(await store.sessions.load("s1", 999)).toMatchObject({ userId, organisationId: store.organisationId, data: { lang: "en" }, expiresAt: 1000 });
    expect(await store.sessions.load("s1", 1000)).toBeNull();
    await store.sessions.update("s1", { data: { lang: "nb", csrfToken: "t" }, seenAt: 500, expiresAt: 2_000_000_000_000 });
    expect(await store.sessions.load("s1", 1000)).toMatchObject({ data: { lang: "nb", csrfToken: "t" }, seenAt: 500 });
    await store.sessions.destroy("s1");
    expect(await store.sessions.load("s1", 1000)).toBeNull();
    await store.sessions.create(session("old", 0, 1000));
    await store.sessions.create(session("new", 5000, 9000));
    expect(await database.rows("SELECT id FROM sessions")).toEqual([{ id: "new" }]);
  });

  it("a user's e-mail is unique whatever its letter case, and a role change or password change is audited without the hash", async () => {
    const admin = store.scoped({ organisationId: store.organisationId, actor: { userId: null, via: "cli" } });
    const kari = await admin.members.create({ email: "kari@kommune.no", name: "Kari", passwordHash: "hash-1" }, "buyer");
    expect(kari.ok).toBe(true);
    expect(await admin.members.create({ email: " KARI@Kommune.NO ", name: "Kari 2", passwordHash: "x" }, "admin")).toEqual({ ok: false, reason: "email-taken" });
    const id = kari.ok ? kari.member.id : "";
    expect((await store.accounts.userByEmail("Kari@KOMMUNE.no"))?.passwordHash).toBe("hash-1");
    expect(await store.accounts.roleIn(id, store.organisationId)).toBe("buyer");
    expect(await admin.members.setRole(id, "finance")).toEqual({ ok: true });
    expect(await admin.members.setPassword(id, "hash-2")).toEqual({ ok: true });
    expect((await store.accounts.userByEmail("kari@kommune.no"))?.passwordHash).toBe("hash-2");
    const { entries } = await admin.audit.list({ entityType: "user", entityId: id });
    expect(entries.map((e) => e.action)).toEqual(["user.password", "user.role", "user.create"]);
    expect(entries[1]).toMatchObject({ before: { role: "buyer" }, after: { role: "finance" }, via: "cli" });
    expect(JSON.stringify(entries)).not.toContain("hash-");
    expect(await admin.members.setRole("nobody", "admin")).toEqual({ ok: false, reason: "not-found" });
  });

  it("the last administrator of an organisation cannot be made something else", async () => {
    const org = await store.accounts.createOrganisation("Liten kommune", SYSTEM_ACTOR);
    const scoped = store.scoped({ organisationId: org.id, actor: SYSTEM_ACTOR });
    const only = await scoped.members.create({ email: "eneste@liten.no", name: "Eneste", passwordHash: null }, "admin");
    const id = only.ok ? only.member.id : "";
    expect(await scoped.members.setRole(id, "buyer")).toEqual({ ok: false, reason: "last-admin" });
    const second = await scoped.members.create({ email: "andre@liten.no", name: "Andre", passwordHash: null }, "admin");
    expect(second.ok).toBe(true);
    expect(await scoped.members.setRole(id, "buyer")).toEqual({ ok: true });
  });

  it("ending a membership ends the member's sessions and tokens there, keeps the user, and never the last administrator's", async () => {
    const org = await store.accounts.createOrganisation("Sluttkommune", SYSTEM_ACTOR);
    const scoped = store.scoped({ organisationId: org.id, actor: SYSTEM_ACTOR });
    const admin = await scoped.members.create({ email: "sjef@slutt.no", name: "Sjef", passwordHash: null }, "admin");
    const adminId = admin.ok ? admin.member.id : "";
    const per = await scoped.members.create({ email: "per@slutt.no", name: "Per", passwordHash: null }, "buyer");
    const perId = per.ok ? per.member.id : "";
    await scoped.tokens.create({ userId: perId, name: "skript", prefix: "kalkyle_slut", hash: "slutt-hash" });
    await store.sessions.create({ id: "per-session", userId: perId, organisationId: org.id, data: {}, createdAt: 0, seenAt: 0, expiresAt: Number.MAX_SAFE_INTEGER });
    expect(await scoped.members.remove(adminId)).toEqual({ ok: false, reason: "last-admin" });
    expect(await scoped.members.remove(perId)).toEqual({ ok: true });
    expect(await store.accounts.roleIn(perId, org.id)).toBeNull();
    expect(await store.accounts.user(perId)).toMatchObject({ email: "per@slutt.no" });
    expect(await store.sessions.load("per-session", 1)).toBeNull();
    expect(await store.tokens.byHash("slutt-hash")).toBeNull();
    expect(await scoped.members.remove(perId)).toEqual({ ok: false, reason: "not-found" });
    const { entries } = await scoped.audit.list({ action: "user.remove" });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entityId: perId, before: { email: "per@slutt.no", role: "buyer" }, after: null });
  });

  it("an API token is found by its hash while it is live and its user a member, with the user's present role", async () => {
    const scoped = store.scoped({ organisationId: store.organisationId, actor: SYSTEM_ACTOR });
    const ola = await scoped.members.create({ email: "ola@kommune.no", name: "Ola", passwordHash: null }, "adviser");
    const userId = ola.ok ? ola.member.id : "";
    const token = await scoped.tokens.create({ userId, name: "skript", prefix: "kalkyle_abcd", hash: "h1" });
    expect(token).toMatchObject({ userId, name: "skript", prefix: "kalkyle_abcd", revokedAt: null });
    expect(await store.tokens.byHash("h1")).toMatchObject({ userId, organisationId: store.organisationId, role: "adviser" });
    await scoped.members.setRole(userId, "finance");
    expect((await store.tokens.byHash("h1"))?.role).toBe("finance");
    const other = await store.accounts.createOrganisation("Nabokommunen", SYSTEM_ACTOR);
    expect(await store.scoped({ organisationId: other.id, actor: SYSTEM_ACTOR }).tokens.revoke(token!.id)).toBe(false);
    expect(await scoped.tokens.revoke(token!.id)).toBe(true);
    expect(await store.tokens.byHash("h1")).toBeNull();
    expect(await store.tokens.byHash("nope")).toBeNull();
    expect(await database.rows("SELECT hash FROM api_tokens")).toEqual([{ hash: "h1" }]);
  });

  it("counts login failures per key within a window, storing no key as given", async () => {
    await store.throttle.recordFailure(["account:a@b.no", "address:10.0.0.1"], 1000);
    await store.throttle.recordFailure(["account:a@b.no"], 2000);
    expect(await store.throttle.failures(["account:a@b.no", "address:10.0.0.1", "address:10.0.0.2"], 0)).toEqual([2, 1, 0]);
    expect(await store.throttle.failures(["account:a@b.no"], 1500)).toEqual([1]);
    expect(JSON.stringify(await database.rows("SELECT key FROM login_failures"))).not.toContain("a@b.no");
  });
});
