/**
 * The case list: search, duplicate, delete with confirmation.
 * (Creating and editing live in the editor routes.)
 */
import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../context.js";
import { handlers, idParam, langInput } from "../handler.js";
import { translate } from "../i18n/catalog.js";
import { langOf, pageTitle } from "../page.js";
import { caseListModel } from "../view-models/case-list.js";

export const PAGE_SIZE = 50;

/** ?page=N, a whole number from 1; anything else is page 1. */
function pageNumber(value: unknown): number {
  const n = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}

/** The list's query, read leniently: a search of at most 200 characters, a page from 1, the notice of what was just done. */
const listInput = z.object({
  query: z.object({
    q: z.unknown().optional().transform((q) => (typeof q === "string" ? q.slice(0, 200) : "")),
    page: z.unknown().optional().transform(pageNumber),
    done: z.unknown().optional().transform((done) => (typeof done === "string" ? done : undefined)),
  }),
});

export function caseListRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  router.get(
    "/",
    handler({
      input: listInput,
      permission: "case.read",
      call: async (app, principal, { query }) => ({ query, found: await app.cases.list(principal, { search: query.q, limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE }) }),
      respond: { view: "cases", model: ({ query, found }, req) => caseListModel(found, { search: query.q, page: query.page, pageSize: PAGE_SIZE }, langOf(req), query.done) },
    }),
  );

  router.post(
    "/cases/:id/duplicate",
    handler({
      input: idParam.extend({ lang: langInput }),
      permission: "case.create",
      call: (app, principal, { params, lang }) => app.cases.duplicate(principal, params.id, (original) => translate(lang, "cases.copyOf", { title: original.title }).slice(0, 200)),
      respond: { redirect: (copy) => `/cases/${copy.id}/edit?done=duplicated` },
    }),
  );

  router.get(
    "/cases/:id/delete",
    handler({
      input: idParam,
      permission: "case.delete",
      call: (app, principal, { params }) => app.cases.get(principal, params.id),
      respond: { view: "case-delete", model: (found, req) => ({ pageTitle: pageTitle(translate(langOf(req), "page.caseDelete"), found.title), id: found.id, title: found.title, alternatives: found.alternatives }) },
    }),
  );

  router.post(
    "/cases/:id/delete",
    handler({
      input: idParam,
      permission: "case.delete",
      call: (app, principal, { params }) => app.cases.remove(principal, params.id),
      respond: { redirect: () => "/?done=deleted" },
    }),
  );

  return router;
}
