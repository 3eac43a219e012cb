/**
 * The case list: search, duplicate, delete with confirmation.
 * (Creating and editing live in the editor routes.)
 */
import { Router } from "express";
import type { AppContext } from "../context.js";
import { principalOf } from "../auth.js";
import { authorize } from "../../app/policy.js";
import { translate } from "../i18n/catalog.js";
import { langOf } from "../page.js";
import { caseListModel } from "../view-models/case-list.js";
import { storedCaseOr404 } from "../evaluation.js";

export const PAGE_SIZE = 50;

/** ?page=N, a whole number from 1; anything else is page 1. */
function pageNumber(value: unknown): number {
  const n = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}

export function caseListRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get("/", async (req, res) => {
    const search = typeof req.query.q === "string" ? req.query.q.slice(0, 200) : "";
    const page = pageNumber(req.query.page);
    const found = await ctx.app.cases.list(principalOf(req), { search, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    ctx.render(req, res, "cases", caseListModel(found, { search, page, pageSize: PAGE_SIZE }, langOf(req), typeof req.query.done === "string" ? req.query.done : undefined));
  });

  router.post("/cases/:id/duplicate", async (req, res) => {
    const copy = await ctx.app.cases.duplicate(principalOf(req), req.params.id, (original) => translate(langOf(req), "cases.copyOf", { title: original.title }).slice(0, 200));
    res.redirect(303, `/cases/${copy.id}/edit?done=duplicated`);
  });

  router.get("/cases/:id/delete", async (req, res) => {
    authorize(principalOf(req), "case.delete");
    const found = await storedCaseOr404(ctx, req, req.params.id);
    ctx.render(req, res, "case-delete", { id: found.id, title: found.title, alternatives: found.alternatives });
  });

  router.post("/cases/:id/delete", async (req, res) => {
    await ctx.app.cases.remove(principalOf(req), req.params.id);
    res.redirect(303, "/?done=deleted");
  });

  return router;
}
