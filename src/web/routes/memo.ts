/**
 * The decision memo of one case ("beslutningsnotat"): the page a finance
 * officer attaches to a budget proposal, and the same page as a PDF.
 *   GET  /cases/:id/memo       the print view (?a= &b= &percent= &samples= &seed= &costPercent=, as the
 *                              finance page: the memo states the run it reports, its seed shown)
 *   GET  /cases/:id/memo.pdf   the print view rendered by Chromium as the user who asked, tagged, with
 *                              the case's title and page numbers in the footer (exports/print-pdf.ts,
 *                              as the report's PDF); ?ready=<token> for the page's pdf-status.js
 *   HEAD /cases/:id/memo.pdf   the download's headers after finding the case; nothing computed or rendered
 *
 * The query is read by the finance page's own parser (finance-form.ts); a
 * refused field is a 400 page naming it. Asked without a seed, the memo
 * redirects (303) to the same address with a drawn seed (seed-redirect.ts),
 * so a reload shows the same figures; the seed is written into the PDF
 * link, so the page and its PDF report the same draws (a PDF asked without
 * one draws its own). Another organisation's case or none → 404; a
 * case that no longer validates: the page lists its problems (as the
 * report does), the PDF is a 409. Not kept in the page cache: the memo
 * names who made it and when.
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { Application } from "../../app/application.js";
import type { Principal } from "../../app/principal.js";
import { checkCase } from "../../case/evaluate-document.js";
import type { FinanceRequest, FinanceView } from "../../case/finance-view.js";
import type { Lang } from "../../case/messages.js";
import { problemMessage } from "../../case/messages.js";
import { placeOf } from "../../i18n/case-place.js";
import type { AppContext } from "../context.js";
import { sendDownloadHead } from "../exports/download.js";
import { invalidCase } from "../exports/evaluated-case.js";
import { pdfReadyToken, sendPrintPdf } from "../exports/print-pdf.js";
import { evaluateStored } from "../evaluation.js";
import { handlers, idParam, langInput } from "../handler.js";
import { translate, translateKey } from "../i18n/catalog.js";
import { langOf } from "../page.js";
import { caseLinks, problemsModel } from "../view-models/compare.js";
import { errorPageModel } from "../view-models/error-page.js";
import { financeQueryOf, parseFinanceQuery, type FinanceField } from "../view-models/finance-form.js";
import { memoModel } from "../view-models/memo.js";
import { drawSeed, wantsDrawnSeed, withDrawnSeed } from "./seed-redirect.js";

const memoInput = z.object({ params: z.object({ id: z.string() }), query: z.unknown(), lang: langInput });
const pdfInput = z.object({ params: z.object({ id: z.string() }), query: z.object({ ready: pdfReadyToken.optional() }).passthrough(), lang: langInput });

/** A number as the finance page's parser reads it back in this language: 7.5 → "7,5" in bokmål, whole numbers without grouping. */
function numberInQuery(n: number, lang: Lang): string {
  return lang === "nb" ? String(n).replace(".", ",") : String(n);
}

/** The run's query, every value given (the seed drawn if none was), without the language: what the memo's links carry. */
export function memoQuery(request: FinanceRequest & { seed: number }, lang: Lang): string {
  const values: [string, string][] = [];
  if (request.a !== undefined && request.b !== undefined) values.push(["a", request.a], ["b", request.b]);
  values.push(["percent", numberInQuery(request.percent, lang)], ["samples", numberInQuery(request.samples, lang)], ["seed", String(request.seed)], ["costPercent", numberInQuery(request.costPercent, lang)]);
  return new URLSearchParams(values).toString();
}

type Refused = { errors: Partial<Record<FinanceField, string>> };

/** The run the query asks for, the seed drawn when none is given; or each refused field. */
function runOf(query: unknown, ids: readonly string[], lang: Lang): { ok: true; request: FinanceRequest & { seed: number } } | ({ ok: false } & Refused) {
  const parsed = parseFinanceQuery(financeQueryOf(query), ids, lang);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, request: { ...parsed.request, seed: parsed.request.seed ?? drawSeed() } };
}

/** The alternatives' ids of a document that passed the checks. */
const idsOf = (document: unknown): string[] => ((document as { alternatives?: { id: string }[] }).alternatives ?? []).map((a) => a.id);

export function memoRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  /** The 400 page: each refused field named, with its problem in the page's language. */
  const sendRefused = (req: Request, res: Response, refused: Refused) => {
    const lang = langOf(req);
    const problems = Object.entries(refused.errors).map(([field, message]) => ({ path: translateKey(lang, `finance.field.${field}`), message: message! }));
    ctx.render(req, res, "error", errorPageModel({ status: 400, message: translate(lang, "finance.refused"), problems, lang, asked: req.originalUrl }), { status: 400 });
  };

  type Page = { kind: "redirect" } | { kind: "refused"; refused: Refused } | { kind: "problems"; problems: { place: string; message: string }[] } | { kind: "memo"; model: Record<string, unknown> };

  /** Everything the memo shows: the case evaluated as on every page, the finance view in the pool, the maker's name. */
  const memoPage = async (app: Application, principal: Principal, id: string, query: unknown, lang: Lang): Promise<{ id: string; title: string; page: Page }> => {
    const stored = await app.cases.get(principal, id);
    if (wantsDrawnSeed(query)) return { id: stored.id, title: stored.title, page: { kind: "redirect" } };
    const evaluated = await evaluateStored(ctx, stored);
    const { evaluation } = evaluated;
    const problems = (list: ReturnType<typeof problemsModel>) => ({ id: stored.id, title: stored.title, page: { kind: "problems" as const, problems: list } });
    if (!evaluation.ok) return problems(problemsModel(evaluated, lang));
    const run = runOf(query, evaluation.core.ranking.order, lang);
    if (!run.ok) return { id: stored.id, title: stored.title, page: { kind: "refused", refused: run } };
    const [me, outcome] = await Promise.all([app.accounts.me(principal), ctx.pool.finance(stored.document, run.request)]);
    if (!outcome.ok) return problems(outcome.problems.map((p) => ({ place: placeOf(p.path, stored.document, lang), message: problemMessage(p, lang) })));
    const finance: FinanceView = outcome.view;
    const request = { ...run.request, ...(finance.pair ?? {}) };
    const model = memoModel({ stored, evaluation, finance, madeBy: me.user.name, madeAt: evaluated.computedAt, query: memoQuery(request, lang) }, lang);
    return { id: stored.id, title: stored.title, page: { kind: "memo", model } };
  };

  router.get(
    "/cases/:id/memo",
    handler({
      input: memoInput,
      permission: "case.read",
      call: (app, principal, { params, query, lang }) => memoPage(app, principal, params.id, query, lang),
      respond: {
        send: ({ id, title, page }, req, res) => {
          if (page.kind === "redirect") return void res.set("Cache-Control", "no-store").redirect(303, withDrawnSeed(req.originalUrl));
          if (page.kind === "refused") return sendRefused(req, res, page.refused);
          const lang = langOf(req);
          if (page.kind === "problems") return ctx.render(req, res, "memo", { pageTitle: translate(lang, "memo.pageTitle", { title }), title, ok: false, problems: page.problems, links: caseLinks(id) });
          ctx.render(req, res, "memo", page.model);
        },
      },
    }),
  );

  /** The PDF's file name: "Beslutningsnotat – Gatelys.pdf". */
  const fileTitle = (title: string, req: Request) => translate(langOf(req), "memo.fileTitle", { title });

  router
    .route("/cases/:id/memo.pdf")
    .head(
      handler({
        input: idParam,
        permission: "case.read",
        call: (app, principal, { params }) => app.cases.get(principal, params.id),
        respond: { send: (stored, req, res) => sendDownloadHead(res, "pdf", fileTitle(stored.title, req)) },
      }),
    )
    .get(
      handler({
        input: pdfInput,
        permission: "case.read",
        call: async (app, principal, { params, query, lang }) => {
          const stored = await app.cases.get(principal, params.id);
          const checked = checkCase(stored.document, ctx.library);
          if (!checked.ok) throw invalidCase(checked.problems);
          const run = runOf(query, idsOf(stored.document), lang);
          return { stored, run, ready: query.ready };
        },
        respond: {
          send: async ({ stored, run, ready }, req, res) => {
            if (!run.ok) return sendRefused(req, res, run);
            const path = `/cases/${encodeURIComponent(stored.id)}/memo?${memoQuery(run.request, langOf(req))}`;
            await sendPrintPdf(ctx, req, res, { path, title: stored.title, fileTitle: fileTitle(stored.title, req), ready });
          },
        },
      }),
    );

  return router;
}
