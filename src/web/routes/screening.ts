/**
 * GET /climate/screening: the screening of every imported line under the
 * default KOSTRA mapping and the adviser's rules (app.ledgers.screening,
 * climate.read), or the empty state before the first import. The default
 * mapping is read beside it so a default's reason shows in the page's
 * language; DFØ's high-risk list is cited where a category is flagged.
 */
import { Router } from "express";
import { z } from "zod";
import { highRiskSource } from "../../ledger/high-risk.js";
import type { AppContext } from "../context.js";
import { handlers } from "../handler.js";
import { langOf } from "../page.js";
import { screeningModel } from "../view-models/screening.js";

export function screeningRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  router.get(
    "/climate/screening",
    handler({
      input: z.object({}),
      permission: "climate.read",
      call: async (app, principal) => {
        const [result, mapping] = await Promise.all([app.ledgers.screening(principal), app.ledgers.mapping(principal)]);
        return { result, defaults: mapping.defaults };
      },
      respond: {
        view: "screening",
        model: ({ result, defaults }, req) => {
          const lang = langOf(req);
          const source = highRiskSource();
          return screeningModel({ result, defaults, highRisk: { title: source.titles[lang], url: source.url, year: source.year, publisher: source.publisher }, lang });
        },
      },
    }),
  );

  return router;
}
