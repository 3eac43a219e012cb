/**
 * First start: on a database without users, one organisation and its
 * administrator, and the examples in that organisation, so that
 * `npm install && npm start` still gives a working instance. The
 * administrator's e-mail and password come from KALKYLE_ADMIN_EMAIL and
 * KALKYLE_ADMIN_PASSWORD; without a password one is generated, and the
 * caller prints it once. The organisation is named by
 * KALKYLE_ORGANISATION (default "Kalkyle").
 *
 * Example: firstStart(store, {}, examples) → { created: true, adminEmail: "admin@kalkyle.local", password: "q3…", seeded: 5 }
 */
import type { FirstStartOutcome } from "../store/accounts.js";
import type { Store } from "../store/store.js";
import { checkPassword, generatePassword, hashPassword } from "./passwords.js";

export const DEFAULT_ADMIN_EMAIL = "admin@kalkyle.local";
export const DEFAULT_ORGANISATION = "Kalkyle";

export type FirstStartReport = FirstStartOutcome & { /** The generated password, to print once; undefined when it was given or nothing was made. */ password?: string };

export async function firstStart(store: Store, env: NodeJS.ProcessEnv, examples: Record<string, unknown>[]): Promise<FirstStartReport> {
  const email = env.KALKYLE_ADMIN_EMAIL?.trim() || DEFAULT_ADMIN_EMAIL;
  const given = env.KALKYLE_ADMIN_PASSWORD;
  if (given !== undefined && given !== "") {
    const problem = checkPassword(given, { email });
    if (problem) throw new Error(`KALKYLE_ADMIN_PASSWORD is refused (${problem}): at least 8 characters and not one of the most common passwords`);
  }
  const password = given || generatePassword();
  const outcome = await store.accounts.firstStart({
    organisationName: env.KALKYLE_ORGANISATION?.trim() || DEFAULT_ORGANISATION,
    admin: { email, name: "Administrator", passwordHash: await hashPassword(password) },
    examples,
  });
  return { ...outcome, password: outcome.created && !given ? password : undefined };
}
