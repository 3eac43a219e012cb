/**
 * Every member's API tokens, for the organisation's administrators (policy:
 * `token.manage`; any other role gets 403 before anything is read):
 *   GET  /admin/tokens                    the organisation's tokens; ?member= narrows them to one member
 *   GET  /admin/tokens/:id/revoke         asks to confirm revoking a live token
 *   POST /admin/tokens/:id/revoke         revokes it (audited by the store as `token.revoke`),
 *                                         303 back to that member's tokens with a notice
 * A token of another organisation, or one already revoked, is not found (404).
 */
import { Router, type Request } from "express";
import { authorize } from "../../app/policy.js";
import type { TokenInfo } from "../../store/accounts.js";
import { principalOf } from "../auth.js";
import type { AppContext } from "../context.js";
import { notFound } from "../errors.js";
import { langOf } from "../page.js";
import { adminTokenRevokeModel, adminTokensPageModel, memberFilter } from "../view-models/admin-tokens.js";

export function adminTokenRoutes(ctx: AppContext): Router {
  const router = Router();

  /** A live token of the principal's organisation, after the policy has said the principal may manage tokens (403 first, then 404). */
  const managedToken = async (req: Request<{ id: string }>): Promise<TokenInfo> => {
    const principal = principalOf(req);
    authorize(principal, "token.manage");
    const token = (await ctx.app.tokens.list(principal, { all: true })).find((t) => t.id === req.params.id && !t.revokedAt);
    if (!token) throw notFound();
    return token;
  };

  router.get("/admin/tokens", async (req, res) => {
    const principal = principalOf(req);
    const tokens = await ctx.app.tokens.list(principal, { all: true });
    const members = await ctx.app.accounts.members(principal);
    const { memberships } = await ctx.app.accounts.me(principal);
    const organisation = memberships.find((m) => m.organisationId === principal.organisationId)?.organisationName ?? "";
    const notice = req.query.done === "revoked" ? "tokens.revoked" : undefined;
    ctx.render(req, res, "admin-tokens", adminTokensPageModel({ tokens, members, organisation, member: memberFilter(req.query.member, members, tokens), lang: langOf(req), notice }));
  });

  router.get("/admin/tokens/:id/revoke", async (req, res) => {
    ctx.render(req, res, "admin-token-revoke", adminTokenRevokeModel(await managedToken(req), langOf(req)));
  });

  router.post("/admin/tokens/:id/revoke", async (req, res) => {
    const token = await managedToken(req);
    await ctx.app.tokens.revoke(principalOf(req), token.id);
    res.redirect(303, `/admin/tokens?member=${encodeURIComponent(token.userId)}&done=revoked`);
  });

  return router;
}
