/**
 * Who is acting: a user, in one organisation, with their role there, and
 * through which door. Made by the edges from a session, a bearer token or
 * the command line; the use cases reach the store only through its scope.
 */
import type { Role } from "../store/accounts.js";
import type { Actor, Scope } from "../store/store.js";

export type Principal = { userId: string; organisationId: string; role: Role; via: Exclude<Actor["via"], "system"> };

export function scopeOf(principal: Principal): Scope {
  return { organisationId: principal.organisationId, actor: { userId: principal.userId, via: principal.via } };
}
