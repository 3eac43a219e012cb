/**
 * The organisation store tests keep their cases in: the first start's
 * (made on an empty database, found on one that has it), so that several
 * store instances or processes on one database share it.
 */
import { SYSTEM_ACTOR, type CaseStore, type Store } from "../../src/store/store.js";

export async function testOrganisation(store: Pick<Store, "accounts">): Promise<string> {
  const outcome = await store.accounts.firstStart({ organisationName: "Testkommune", admin: { email: "admin@test.kalkyle.no", name: "Administrator", passwordHash: null }, examples: [] });
  return outcome.organisationId;
}

/** The test organisation's cases, changed by Kalkyle itself. */
export async function testCases(store: Pick<Store, "accounts" | "scoped">): Promise<CaseStore> {
  return store.scoped({ organisationId: await testOrganisation(store), actor: SYSTEM_ACTOR }).cases;
}
