/**
 * The case list: search, duplicate, delete with confirmation.
 * (Creating and editing live in the editor routes.)
 */
import { Router } from "express";
import type { AppContext } from "../context.js";
import { notFound } from "../errors.js";
import { translate } from "../i18n/catalog.js";
import { langOf } from "../page.js";
import { caseListModel } from "../view-models/case-list.js";
import { createCase } from "../evaluation.js";

export function caseListRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get("/", async (req, res) => {
    const search = typeof req.query.q === "string" ? req.query.q.slice(0, 200) : "";
    const found = await ctx.store.cases.list({ search, limit: 500 });
    ctx.render(req, res, "cases", caseListModel(found, search, langOf(req), typeof req.query.done === "string" ? req.query.done : undefined));
  });

  router.post("/cases/:id/duplicate", async (req, res) => {
    const original = await ctx.store.cases.get(req.params.id);
    if (!original) throw notFound();
    const title = translate(langOf(req), "cases.copyOf", { title: original.title }).slice(0, 200);
    const copy = await createCase(ctx, { ...original.document, title });
    res.redirect(303, `/cases/${copy.id}/edit?done=duplicated`);
  });

  router.get("/cases/:id/delete", async (req, res) => {
    const found = await ctx.store.cases.get(req.params.id);
    if (!found) throw notFound();
    ctx.render(req, res, "case-delete", { id: found.id, title: found.title, alternatives: found.alternatives });
  });

  router.post("/cases/:id/delete", async (req, res) => {
    const found = await ctx.store.cases.get(req.params.id);
    if (!found || !(await ctx.store.cases.remove(found.id))) throw notFound();
    res.redirect(303, "/?done=deleted");
  });

  return router;
}
