/** Matching or making the user the identity provider vouches for, on a real (SQLite) store. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providerSignInUseCases, ProviderSignInRefusedError } from "../../src/app/provider-sign-in.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import { SYSTEM_ACTOR } from "../../src/store/store.js";

describe("signing in with the identity provider's identity", () => {
  const dir = mkdtempSync(join(tmpdir(), "kalkyle-oidc-"));
  const store = openSqliteStore(join(dir, "kalkyle.db"));
  const signIn = providerSignInUseCases({ store }).signIn;
  let home = "";
  let other = "";

  beforeAll(async () => {
    home = (await store.accounts.createOrganisation("Bykommune", SYSTEM_ACTOR)).id;
    other = (await store.accounts.createOrganisation("Nabokommune", SYSTEM_ACTOR)).id;
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a member of another organisation only is signed in there, not added to the configured one", async () => {
    const made = await store.scoped({ organisationId: other, actor: SYSTEM_ACTOR }).members.create({ email: "nils@nabo.test", name: "Nils", passwordHash: null }, "finance");
    expect(made.ok).toBe(true);
    const outcome = await signIn({ email: "NILS@nabo.test", name: "Nils N", emailVerified: true }, { organisationId: home, role: "buyer" });
    expect(outcome).toMatchObject({ organisationId: other, created: false, user: { email: "nils@nabo.test", name: "Nils" } });
    expect(await store.accounts.memberships(outcome.user.id)).toHaveLength(1);
  });

  it("a new user without a name from the provider is named by their e-mail", async () => {
    const outcome = await signIn({ email: "anonym@by.test", name: null }, { organisationId: home, role: "adviser" });
    expect(outcome).toMatchObject({ organisationId: home, created: true, user: { name: "anonym@by.test" } });
    expect(await store.accounts.roleIn(outcome.user.id, home)).toBe("adviser");
  });

  it("no e-mail or an unverified one is refused, naming why, and nobody is made", async () => {
    const refusal = (identity: Parameters<typeof signIn>[0]) => signIn(identity, { organisationId: home, role: "buyer" }).catch((e: unknown) => (e as ProviderSignInRefusedError).reason);
    expect(await refusal({ email: null, name: "Uten E-post" })).toBe("no-email");
    expect(await refusal({ email: "not-an-address", name: "X" })).toBe("no-email");
    expect(await refusal({ email: "ny@by.test", name: "Ny", emailVerified: false })).toBe("email-unverified");
    expect(await store.accounts.userByEmail("ny@by.test")).toBeNull();
  });
});
