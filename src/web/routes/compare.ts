/**
 * The comparison page and the printable report of one case. Both evaluate
 * the stored case with the bundled factors (the same result as the CLI and
 * the API); a case that no longer validates shows its problems (200), never
 * a server error.
 */
import { Router, type Request } from "express";
import type { AppContext } from "../context.js";
import { evaluateStored, storedCaseOr404 } from "../evaluation.js";
import { langOf } from "../page.js";
import { compareModel } from "../view-models/compare.js";
import { reportModel } from "../view-models/report.js";

export function compareRoutes(ctx: AppContext): Router {
  const router = Router();

  const evaluate = async (req: Request) => {
    return evaluateStored(ctx, await storedCaseOr404(ctx, String(req.params.id)));
  };

  router.get("/cases/:id", async (req, res) => {
    ctx.render(req, res, "compare", compareModel(await evaluate(req), langOf(req)));
  });

  router.get("/cases/:id/report", async (req, res) => {
    ctx.render(req, res, "report", reportModel(await evaluate(req), langOf(req)));
  });

  return router;
}
