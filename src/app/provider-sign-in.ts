/**
 * Signing in with the municipality's identity provider: the provider has
 * vouched for an e-mail address; the user with that address (in any
 * letter case) is signed in, in the configured organisation when they are
 * a member there, else in their first. Someone the provider knows and
 * Kalkyle does not becomes a member of the configured organisation with
 * the configured role, without a password; the store audits it as
 * `user.create` (actor: nobody signed in, through the web).
 *
 * Example: signIn({ email: "Kari@Kommune.no", name: "Kari", emailVerified: true }, { organisationId: "o1", role: "buyer" })
 *   → { user: { email: "Kari@Kommune.no", … }, organisationId: "o1", created: true }; a second call → created: false, the same user
 */
import type { Role, User } from "../store/accounts.js";
import type { Store } from "../store/store.js";

export type ProviderIdentity = { email: string | null; emailVerified?: boolean; name: string | null };

/** The provider gave no e-mail, said it is not verified, or the user belongs to no organisation. */
export class ProviderSignInRefusedError extends Error {
  constructor(readonly reason: "no-email" | "email-unverified" | "no-membership") {
    super(`sign-in refused: ${reason}`);
    this.name = "ProviderSignInRefusedError";
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function providerSignInUseCases({ store }: { store: Store }) {
  return {
    async signIn(identity: ProviderIdentity, join: { organisationId: string; role: Role }): Promise<{ user: User; organisationId: string; created: boolean }> {
      const email = identity.email?.trim() ?? "";
      if (!EMAIL.test(email) || email.length > 320) throw new ProviderSignInRefusedError("no-email");
      if (identity.emailVerified === false) throw new ProviderSignInRefusedError("email-unverified");
      const existing = await store.accounts.userByEmail(email);
      if (!existing) {
        const name = (identity.name?.trim() || email).slice(0, 200);
        const outcome = await store.scoped({ organisationId: join.organisationId, actor: { userId: null, via: "web" } }).members.create({ email, name, passwordHash: null }, join.role);
        if (outcome.ok) {
          const { id, email: stored, name: shown, createdAt } = outcome.member;
          return { user: { id, email: stored, name: shown, createdAt }, organisationId: join.organisationId, created: true };
        }
        // made by a sign-in in between: sign in as that user
      }
      const user = existing ?? (await store.accounts.userByEmail(email));
      const memberships = user ? await store.accounts.memberships(user.id) : [];
      if (!user || memberships.length === 0) throw new ProviderSignInRefusedError("no-membership");
      const here = memberships.find((m) => m.organisationId === join.organisationId) ?? memberships[0]!;
      return { user: { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt }, organisationId: here.organisationId, created: false };
    },
  };
}
