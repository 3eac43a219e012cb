/**
 * Every member's API tokens, for the organisation's administrators (policy:
 * `token.manage`; any other role gets 403 before anything is read):
 *   GET  /admin/tokens                    the organisation's tokens; ?member= narrows them to one member
 *   GET  /admin/tokens/:id/revoke         asks to confirm revoking a live token
 *   POST /admin/tokens/:id/revoke         revokes it (audited by the store as `token.revoke`),
 *                                         303 back to that member's tokens with a notice
 * A token of another organisation, or one already revoked, is not found (404).
 */
import { Router } from "express";
import { z } from "zod";
import type { Application } from "../../app/application.js";
import type { Principal } from "../../app/principal.js";
import type { TokenInfo } from "../../store/accounts.js";
import type { AppContext } from "../context.js";
import { notFound } from "../errors.js";
import { handlers, idParam } from "../handler.js";
import { langOf } from "../page.js";
import { adminTokenRevokeModel, adminTokensPageModel, memberFilter } from "../view-models/admin-tokens.js";

/** A live token of the principal's organisation (the handler has asked the policy for token.manage first: 403, then 404). */
async function managedToken(app: Application, principal: Principal, id: string): Promise<TokenInfo> {
  const token = (await app.tokens.list(principal, { all: true })).find((t) => t.id === id && !t.revokedAt);
  if (!token) throw notFound();
  return token;
}

export function adminTokenRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  router.get(
    "/admin/tokens",
    handler({
      input: z.object({ query: z.object({ member: z.unknown().optional(), done: z.unknown().optional() }) }),
      permission: "token.manage",
      call: async (app, principal, { query }) => {
        const tokens = await app.tokens.list(principal, { all: true });
        const members = await app.accounts.members(principal);
        const { memberships } = await app.accounts.me(principal);
        const organisation = memberships.find((m) => m.organisationId === principal.organisationId)?.organisationName ?? "";
        return { tokens, members, organisation, query };
      },
      respond: {
        view: "admin-tokens",
        model: ({ tokens, members, organisation, query }, req) =>
          adminTokensPageModel({ tokens, members, organisation, member: memberFilter(query.member, members, tokens), lang: langOf(req), notice: query.done === "revoked" ? "tokens.revoked" : undefined }),
      },
    }),
  );

  router.get(
    "/admin/tokens/:id/revoke",
    handler({
      input: idParam,
      permission: "token.manage",
      call: (app, principal, { params }) => managedToken(app, principal, params.id),
      respond: { view: "admin-token-revoke", model: (token, req) => adminTokenRevokeModel(token, langOf(req)) },
    }),
  );

  router.post(
    "/admin/tokens/:id/revoke",
    handler({
      input: idParam,
      permission: "token.manage",
      call: async (app, principal, { params }) => {
        const token = await managedToken(app, principal, params.id);
        await app.tokens.revoke(principal, token.id);
        return token;
      },
      respond: { redirect: (token) => `/admin/tokens?member=${encodeURIComponent(token.userId)}&done=revoked` },
    }),
  );

  return router;
}
