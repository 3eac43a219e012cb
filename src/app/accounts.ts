/**
 * Logging in, one's own password, and an organisation's members (the
 * administrator's work: add a user, change a role, reset a password).
 *
 * Login throttling: failed logins are counted per account and per
 * address over a sliding window (LOGIN_WINDOW_MS) in the database, so
 * every app process sees the same count. Once either has LOGIN_LIMIT
 * failures in the window, the next attempt is refused before the password
 * is even checked (ThrottledError, 429): the 11th attempt after 10
 * failures. A wrong password and an unknown e-mail cost the same time and
 * get the same answer.
 */
import type { Member, Membership, Role, User } from "../store/accounts.js";
import { emailKey, type Store } from "../store/store.js";
import { ConflictError, NotFoundError, PasswordRefusedError, ThrottledError, UnauthenticatedError } from "./errors.js";
import { checkPassword, hashPassword, verifyPassword } from "./passwords.js";
import { authorize } from "./policy.js";
import { scopeOf, type Principal } from "./principal.js";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_LIMIT = 10;

export type LoginAttempt = { email: string; password: string; address: string; now: number };
export type NewMember = { email: string; name: string; role: Role; password: string };

async function newHash(password: string, context: { email?: string; name?: string }): Promise<string> {
  const problem = checkPassword(password, context);
  if (problem) throw new PasswordRefusedError(problem);
  return hashPassword(password);
}

export function accountUseCases({ store }: { store: Store }) {
  const scoped = (p: Principal) => store.scoped(scopeOf(p));
  return {
    /** The user and their memberships, or UnauthenticatedError / ThrottledError. */
    async login({ email, password, address, now }: LoginAttempt): Promise<{ user: User; memberships: Membership[] }> {
      const keys = [`account:${emailKey(email)}`, `address:${address}`];
      const failures = await store.throttle.failures(keys, now - LOGIN_WINDOW_MS);
      if (failures.some((n) => n >= LOGIN_LIMIT)) throw new ThrottledError(Math.ceil(LOGIN_WINDOW_MS / 1000));
      const user = await store.accounts.userByEmail(email);
      const matches = await verifyPassword(password, user?.passwordHash ?? null);
      const memberships = user && matches ? await store.accounts.memberships(user.id) : [];
      if (!user || !matches || memberships.length === 0) {
        await store.throttle.recordFailure(keys, now);
        throw new UnauthenticatedError();
      }
      return { user: { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt }, memberships };
    },
    /** The signed-in user, their role here and every organisation they belong to. */
    async me(p: Principal): Promise<{ user: User; memberships: Membership[] }> {
      authorize(p, "account.own");
      const user = await store.accounts.user(p.userId);
      if (!user) throw new UnauthenticatedError();
      return { user, memberships: await store.accounts.memberships(p.userId) };
    },
    /** Changes one's own password (the current one asked again); every other session of the user ends. */
    async changePassword(p: Principal, input: { current: string; next: string; keepSessionId?: string }): Promise<void> {
      authorize(p, "account.own");
      const user = await store.accounts.user(p.userId);
      const stored = user ? await store.accounts.userByEmail(user.email) : null;
      if (!stored || !(await verifyPassword(input.current, stored.passwordHash))) throw new PasswordRefusedError("wrong-current");
      const hash = await newHash(input.next, stored);
      await scoped(p).members.setPassword(p.userId, hash, input.keepSessionId);
    },
    async members(p: Principal): Promise<Member[]> {
      authorize(p, "user.read");
      return scoped(p).members.list();
    },
    async member(p: Principal, userId: string): Promise<Member> {
      authorize(p, "user.read");
      const member = await scoped(p).members.get(userId);
      if (!member) throw new NotFoundError();
      return member;
    },
    async addMember(p: Principal, input: NewMember): Promise<Member> {
      authorize(p, "user.manage");
      const outcome = await scoped(p).members.create({ email: input.email, name: input.name, passwordHash: await newHash(input.password, input) }, input.role);
      if (!outcome.ok) throw new ConflictError("email-taken");
      return outcome.member;
    },
    /** ConflictError("last-admin") when the organisation would be left without an administrator. */
    async setRole(p: Principal, userId: string, role: Role): Promise<void> {
      authorize(p, "user.manage");
      const outcome = await scoped(p).members.setRole(userId, role);
      if (!outcome.ok) throw outcome.reason === "not-found" ? new NotFoundError() : new ConflictError("last-admin");
    },
    /** Ends a member's membership (their sessions and tokens here with it); ConflictError("last-admin") for the last administrator. */
    async removeMember(p: Principal, userId: string): Promise<void> {
      authorize(p, "user.manage");
      const outcome = await scoped(p).members.remove(userId);
      if (!outcome.ok) throw outcome.reason === "not-found" ? new NotFoundError() : new ConflictError("last-admin");
    },
    /** An administrator sets a member's password; every session of that user ends. */
    async resetPassword(p: Principal, userId: string, password: string): Promise<void> {
      authorize(p, "user.manage");
      const members = scoped(p).members;
      const member = await members.get(userId);
      if (!member) throw new NotFoundError();
      const outcome = await members.setPassword(userId, await newHash(password, member));
      if (!outcome.ok) throw new NotFoundError();
    },
  };
}

export type AccountUseCases = ReturnType<typeof accountUseCases>;
