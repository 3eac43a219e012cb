/** POST /lang: switches the interface language for this browser and returns to the page. */
import { Router } from "express";
import { pickLang } from "../i18n/catalog.js";
import type { AppContext } from "../context.js";
import { safeReturnPath } from "../return-path.js";

export function langRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post("/lang", async (req, res) => {
    req.session.lang = pickLang(req.body?.lang) ?? "nb";
    await ctx.saveSession(req, res);
    res.redirect(303, safeReturnPath(req.body?.returnTo));
  });
  return router;
}
