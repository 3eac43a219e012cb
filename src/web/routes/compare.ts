/**
 * The comparison page and the printable report of one case. Both evaluate
 * the stored case with the bundled factors (the same result as the CLI and
 * the API); a case that no longer validates shows its problems (200), never
 * a server error. A version's page is rendered once per language and
 * address and kept (page-cache.ts); a request only looks up the case's
 * version, not its document.
 */
import { Router, type Request } from "express";
import type { AppContext } from "../context.js";
import { principalOf } from "../auth.js";
import { evaluateStored, storedCaseOr404 } from "../evaluation.js";
import { langOf } from "../page.js";
import { compareModel } from "../view-models/compare.js";
import { reportModel } from "../view-models/report.js";

export function compareRoutes(ctx: AppContext): Router {
  const router = Router();

  const evaluate = async (req: Request) => {
    return evaluateStored(ctx, await storedCaseOr404(ctx, req, String(req.params.id)));
  };

  /** The version the page shows: case id, version and time of saving (a case saved again is a new page). */
  const versionOf = async (req: Request) => {
    const id = String(req.params.id);
    const stamp = await ctx.app.cases.stamp(principalOf(req), id);
    return [id, stamp.version, stamp.updatedAt].join("\u0000");
  };

  router.get("/cases/:id", async (req, res) => {
    await ctx.render.versioned(req, res, await versionOf(req), "compare", async () => compareModel(await evaluate(req), langOf(req), { history: await ctx.app.cases.history(principalOf(req), String(req.params.id)) }));
  });

  router.get("/cases/:id/report", async (req, res) => {
    await ctx.render.versioned(req, res, await versionOf(req), "report", async () => reportModel(await evaluate(req), langOf(req)));
  });

  return router;
}
