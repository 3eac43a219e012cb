/**
 * Who may do what: one table of role × action, the only place a
 * permission is decided (docs/roles.md shows the same table). Every use
 * case names its action and asks `authorize` before it reads or writes;
 * the routes, the API and the command line only call use cases.
 *
 * Example: can("adviser", "case.update") → false; can("buyer", "case.update") → true
 */
import type { Role } from "../store/accounts.js";
import { ForbiddenError } from "./errors.js";
import type { Principal } from "./principal.js";

export const PERMISSIONS = {
  "case.read": ["buyer", "adviser", "finance", "admin"],
  "case.create": ["buyer", "admin"],
  "case.update": ["buyer", "admin"],
  "case.delete": ["buyer", "admin"],
  "case.evaluate": ["buyer", "adviser", "finance", "admin"],
  "factors.read": ["buyer", "adviser", "finance", "admin"],
  "account.own": ["buyer", "adviser", "finance", "admin"],
  "token.own": ["buyer", "adviser", "finance", "admin"],
  "token.manage": ["admin"],
  "user.read": ["admin"],
  "user.manage": ["admin"],
  "audit.read": ["admin"],
  "climate.read": ["buyer", "adviser", "finance", "admin"],
  "climate.plan": ["adviser", "admin"],
  "decision.create": ["buyer", "admin"],
  "decision.delete": ["buyer", "adviser", "admin"],
  "ledger.import": ["adviser", "admin"],
  "ledger.delete": ["adviser", "admin"],
  "mapping.update": ["adviser", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/** Refuses with ForbiddenError unless the principal's role in its organisation allows the action. */
export function authorize(principal: Principal, action: Action): void {
  if (!can(principal.role, action)) throw new ForbiddenError(action);
}
