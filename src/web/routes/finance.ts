/**
 * The finance officer's page of one case, GET /cases/:id/finance
 * (?a= &b= &percent= &samples= &seed= &costPercent=): cash flows, measures
 * against the baseline, sensitivity and Monte Carlo. The stored case is
 * read as the comparison page reads it (permission case.read; another
 * organisation's case is a 404); the query is checked against the case's
 * alternatives (a refused field: the figures worked out with that field's
 * default, the problem beside the field and summed up at the top, 400; the
 * forms alone where even the defaults cannot be used); the figures are worked out by the evaluation pool's "finance" task
 * in a worker thread under the pool's time limit, never on this thread.
 * Asked without a seed, the page redirects (303) to the same address with
 * a drawn seed (seed-redirect.ts), so a reload shows the same figures and
 * the address can be shared. Not kept in the page cache.
 */
import { Router } from "express";
import { z } from "zod";
import { defaultPair } from "../../case/finance-view.js";
import type { Lang } from "../../case/messages.js";
import { problemMessage } from "../../case/messages.js";
import { placeOf } from "../../i18n/case-place.js";
import type { AppContext } from "../context.js";
import { evaluateStored } from "../evaluation.js";
import { handlers, langInput } from "../handler.js";
import { langOf } from "../page.js";
import { problemsModel } from "../view-models/compare.js";
import { financeForms, financeQueryOf, parseFinanceQuery } from "../view-models/finance-form.js";
import { financeModel, type FinancePage } from "../view-models/finance.js";
import { wantsDrawnSeed, withDrawnSeed } from "./seed-redirect.js";

const financeInput = z.object({ params: z.object({ id: z.string() }), query: z.unknown(), lang: langInput });

export function financeRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  /** `pair`: the default pair, which the forms show where no alternative was chosen (so sending them again does not pick one twice). */
  const financePage = async (document: Record<string, unknown>, typed: ReturnType<typeof financeQueryOf>, alternatives: { id: string; name: string }[], pair: { a: string; b: string } | null, lang: Lang): Promise<{ status: number; page: FinancePage }> => {
    const ids = alternatives.map((a) => a.id);
    const parsed = parseFinanceQuery(typed, ids, lang);
    // a refused field: the figures worked out with that field's default, the problem beside the field and summed up at the top (400)
    const errors = parsed.ok ? {} : parsed.errors;
    const used = { ...typed };
    for (const field of Object.keys(errors) as (keyof typeof used)[]) used[field] = "";
    if (errors.a !== undefined || errors.b !== undefined) Object.assign(used, { a: "", b: "" });
    const fallback = parsed.ok ? parsed : parseFinanceQuery(used, ids, lang);
    if (!fallback.ok) {
      const shown = { ...typed, a: typed.a || (pair?.a ?? ""), b: typed.b || (pair?.b ?? "") };
      return { status: 400, page: { kind: "refused", forms: financeForms(shown, fallback.errors, alternatives, lang) } };
    }
    const status = parsed.ok ? 200 : 400;
    // no seed here means a refused one (an empty seed redirected before): it draws from 0, so a reload shows the same figures
    const seed = fallback.request.seed ?? 0;
    const outcome = await ctx.pool.finance(document, { ...fallback.request, seed });
    if (!outcome.ok) return { status, page: { kind: "problems", problems: outcome.problems.map((p) => ({ place: placeOf(p.path, document, lang), message: problemMessage(p, lang) })) } };
    const { view } = outcome;
    const filled = (values: typeof typed) => ({ ...values, a: values.a || (view.pair?.a ?? ""), b: values.b || (view.pair?.b ?? ""), percent: values.percent || String(view.request.percent), samples: values.samples || String(view.request.samples), costPercent: values.costPercent || String(view.request.costPercent) });
    // the forms show what was typed (a refused value with its problem); the links repeat the run as it was made
    return { status, page: { kind: "figures", view, query: { ...filled(used), seed: String(seed) }, forms: financeForms(filled(typed), errors, alternatives, lang, { seed: String(seed) }) } };
  };

  router.get(
    "/cases/:id/finance",
    handler({
      input: financeInput,
      permission: "case.read",
      call: async (app, principal, { params, query, lang }) => {
        const stored = await app.cases.get(principal, params.id);
        if (wantsDrawnSeed(query)) return { redirect: true as const };
        const evaluated = await evaluateStored(ctx, stored);
        const { evaluation } = evaluated;
        if (!evaluation.ok) return { stored, status: 200, page: { kind: "problems" as const, problems: problemsModel(evaluated, lang) } };
        const alternatives = evaluation.core.ranking.order.map((id) => ({ id, name: evaluation.core.alternatives.find((a) => a.id === id)!.name }));
        const pair = defaultPair(evaluation.core, evaluation.resolved.baseline);
        return { stored, ...(await financePage(stored.document, financeQueryOf(query), alternatives, pair, lang)) };
      },
      respond: {
        send: (result, req, res) => {
          if ("redirect" in result) return void res.set("Cache-Control", "no-store").redirect(303, withDrawnSeed(req.originalUrl));
          ctx.render(req, res, "finance", financeModel(result.stored, result.page, langOf(req)), { status: result.status });
        },
      },
    }),
  );

  return router;
}
