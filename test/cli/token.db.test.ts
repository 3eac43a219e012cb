/** `kalkyle token create`: a token printed once, kept as a hash, acting as the user in their organisation, audited as made from the command line. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { firstStart } from "../../src/app/first-start.js";
import { tokenUseCases } from "../../src/app/tokens.js";
import { run } from "../../src/cli/main.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import { SYSTEM_ACTOR } from "../../src/store/store.js";

const dir = mkdtempSync(join(tmpdir(), "kalkyle-token-"));
const env = { DATA_DIR: dir, LANG: "en_GB.UTF-8" };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function kalkyle(args: string[]): Promise<{ status: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
  return { status, out, err };
}

describe("kalkyle token create", () => {
  it("prints a token once for the user's organisation; the database keeps only its hash; the audit trail says the command line made it", async () => {
    const store = openSqliteStore(join(dir, "kalkyle.db"));
    const first = await firstStart(store, { KALKYLE_ADMIN_EMAIL: "Admin@Kommune.no", KALKYLE_ADMIN_PASSWORD: "et-langt-passord-her" }, []);
    await store.close();
    const made = await kalkyle(["token", "create", "--email", "admin@kommune.NO", "--name", "regneark"]);
    expect(made.status).toBe(0);
    const [secret] = made.out;
    expect(secret).toMatch(/^kalkyle_[A-Za-z0-9_-]{43}$/);
    expect(made.err.join("\n")).toMatch(/^API token kalkyle_.{4}… for Admin@Kommune.no in Kalkyle \(admin\); it is shown only now\.$/);
    const again = openSqliteStore(join(dir, "kalkyle.db"));
    try {
      expect(again.db.prepare("SELECT count(*) FROM api_tokens WHERE hash = ?").pluck().get(secret)).toBe(0);
      expect(await tokenUseCases({ store: again }).authenticate(secret!, new Date())).toMatchObject({ organisationId: first.organisationId, role: "admin", via: "api" });
      const { entries } = await again.scoped({ organisationId: first.organisationId, actor: SYSTEM_ACTOR }).audit.list({ action: "token.create" });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ via: "cli", after: { name: "regneark" } });
    } finally {
      await again.close();
    }
  });

  it("refuses without --email, and for an e-mail nobody has (status 2, nothing printed on stdout)", async () => {
    expect(await kalkyle(["token", "create"])).toMatchObject({ status: 2, out: [] });
    expect(await kalkyle(["token", "create", "--email", "ingen@kommune.no"])).toMatchObject({ status: 2, out: [], err: ["no user with e-mail ingen@kommune.no"] });
  });
});
