/**
 * API tokens: `kalkyle_` and 43 random characters (256 bits), shown once
 * when made and kept only as their SHA-256 with the first 12 characters
 * as a prefix to recognise them by. A token acts as its user with the
 * user's present role in the token's organisation; a revoked token, or
 * one whose user has left the organisation, no longer works. Anyone may
 * make and revoke their own tokens; an administrator may revoke anyone's
 * in the organisation.
 */
import { randomBytes } from "node:crypto";
import { sha256Hex, type TokenInfo } from "../store/accounts.js";
import type { Store } from "../store/store.js";
import { NotFoundError, UnauthenticatedError } from "./errors.js";
import { authorize } from "./policy.js";
import { scopeOf, type Principal } from "./principal.js";

export const TOKEN_PREFIX_LENGTH = 12;
const TOKEN = /^kalkyle_[A-Za-z0-9_-]{43}$/;
/** A token's time of last use is written at most once a minute. */
const USE_RESOLUTION_MS = 60_000;

export function tokenUseCases({ store }: { store: Store }) {
  const tokensOf = (p: Principal) => store.scoped(scopeOf(p)).tokens;
  return {
    /** A new token for the principal (or, for an administrator, for another member): the secret once, and its record. */
    async create(p: Principal, input: { name: string; userId?: string }): Promise<{ secret: string; info: TokenInfo }> {
      const userId = input.userId ?? p.userId;
      authorize(p, userId === p.userId ? "token.own" : "token.manage");
      const secret = `kalkyle_${randomBytes(32).toString("base64url")}`;
      const info = await tokensOf(p).create({ userId, name: input.name, prefix: secret.slice(0, TOKEN_PREFIX_LENGTH), hash: sha256Hex(secret) });
      if (!info) throw new NotFoundError();
      return { secret, info };
    },
    /** One's own tokens, or with `all` (administrators) every token of the organisation. */
    async list(p: Principal, options: { all?: boolean } = {}): Promise<TokenInfo[]> {
      authorize(p, options.all ? "token.manage" : "token.own");
      return tokensOf(p).list(options.all ? undefined : p.userId);
    },
    async revoke(p: Principal, id: string): Promise<void> {
      authorize(p, "token.own");
      const tokens = tokensOf(p);
      const token = await tokens.get(id);
      if (!token) throw new NotFoundError();
      if (token.userId !== p.userId) authorize(p, "token.manage");
      if (!token.revokedAt) await tokens.revoke(id);
    },
    /** The principal a bearer token acts as, or UnauthenticatedError. */
    async authenticate(secret: string, now: Date): Promise<Principal> {
      const grant = TOKEN.test(secret) ? await store.tokens.byHash(sha256Hex(secret)) : null;
      if (!grant) throw new UnauthenticatedError();
      if (!grant.lastUsedAt || now.getTime() - Date.parse(grant.lastUsedAt) > USE_RESOLUTION_MS) await store.tokens.markUsed(grant.tokenId, now.toISOString()).catch(() => undefined);
      return { userId: grant.userId, organisationId: grant.organisationId, role: grant.role, via: "api" };
    },
  };
}

export type TokenUseCases = ReturnType<typeof tokenUseCases>;
