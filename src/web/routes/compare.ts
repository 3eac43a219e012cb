/**
 * The comparison page and the printable report of one case. Both evaluate
 * the stored case with the bundled factors (the same result as the CLI and
 * the API); a case that no longer validates shows its problems (200), never
 * a server error. A version's page is rendered once per language and
 * address and kept (page-cache.ts); a request only looks up the case's
 * version, not its document.
 */
import { Router } from "express";
import type { Application } from "../../app/application.js";
import type { Principal } from "../../app/principal.js";
import type { AppContext } from "../context.js";
import { evaluateStored } from "../evaluation.js";
import { handlers, idParam } from "../handler.js";
import { langOf } from "../page.js";
import { compareModel } from "../view-models/compare.js";
import { reportModel } from "../view-models/report.js";

export function compareRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  /**
   * The version the page shows (case id, version and time of saving: a case saved again is a new page),
   * and the case's evaluation and history, read only when that version's page is not kept yet.
   */
  const pageOf = async (app: Application, principal: Principal, id: string) => {
    const stamp = await app.cases.stamp(principal, id);
    return {
      version: [id, stamp.version, stamp.updatedAt].join("\u0000"),
      evaluate: async () => evaluateStored(ctx, await app.cases.get(principal, id)),
      history: () => app.cases.history(principal, id),
    };
  };

  router.get(
    "/cases/:id",
    handler({
      input: idParam,
      permission: "case.read",
      call: (app, principal, { params }) => pageOf(app, principal, params.id),
      respond: { view: "compare", version: (page) => page.version, model: async (page, req) => compareModel(await page.evaluate(), langOf(req), { history: await page.history() }) },
    }),
  );

  router.get(
    "/cases/:id/report",
    handler({
      input: idParam,
      permission: "case.read",
      call: (app, principal, { params }) => pageOf(app, principal, params.id),
      respond: { view: "report", version: (page) => page.version, model: async (page, req) => reportModel(await page.evaluate(), langOf(req)) },
    }),
  );

  return router;
}
