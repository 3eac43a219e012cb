/**
 * `kalkyle token create --email E [--organisation ID] [--name NAME]`: an
 * API token for a user, made in the database the server uses (DATA_DIR or
 * DATABASE_URL) and printed once; only its hash is kept. The token acts as
 * the user with their role in the organisation (their only one, or the
 * one named). Recorded in the audit trail as made from the command line.
 */
import type { Lang } from "../case/messages.js";
import { tokenUseCases } from "../app/tokens.js";
import { text } from "../i18n/catalogue.js";
import { openStore } from "../store/open-store.js";
import type { Io } from "./main.js";

export async function tokenCommand(options: { email?: string; organisation?: string; name?: string; lang: Lang; env: NodeJS.ProcessEnv }, io: Io): Promise<number> {
  const lang = options.lang;
  if (!options.email) return io.err(text(lang, "cli.token.email-required")), 2;
  const store = await openStore(options.env);
  try {
    const user = await store.accounts.userByEmail(options.email);
    const memberships = user ? await store.accounts.memberships(user.id) : [];
    const membership = options.organisation ? memberships.find((m) => m.organisationId === options.organisation) : memberships.length === 1 ? memberships[0] : undefined;
    if (!user || !membership) {
      const known = memberships.map((m) => `${m.organisationId} (${m.organisationName})`).join(", ");
      io.err(!user ? text(lang, "cli.token.no-user", { email: options.email }) : text(lang, "cli.token.choose-organisation", { known }));
      return 2;
    }
    const principal = { userId: user.id, organisationId: membership.organisationId, role: membership.role, via: "cli" as const };
    const { secret, info } = await tokenUseCases({ store }).create(principal, { name: options.name ?? "kalkyle token create" });
    io.out(secret);
    io.err(text(lang, "cli.token.made", { prefix: info.prefix, email: user.email, organisation: membership.organisationName, role: membership.role }));
    return 0;
  } finally {
    await store.close();
  }
}
