/**
 * Downloads of one case (GET only, nothing written but the result cache of
 * evaluateStored):
 *   /cases/:id/export.csv    one CSV: in bokmål semicolons and decimal commas (Norwegian
 *                            Excel), in English commas and decimal points; ?sep=semicolon
 *                            or ?sep=comma asks for the other (any other value is a 400)
 *   /cases/:id/export.xlsx   an Excel workbook, one sheet per table
 *   /cases/:id/report.pdf    the print view (/cases/:id/report) rendered by Chromium, tagged, with
 *                            page numbers; ?ready=<token> (the page's pdf-status.js) sets the cookie
 *                            kalkyle-pdf-ready to the token with the file, so the page knows it came
 *                            (exports/print-pdf.ts, which the decision memo's PDF shares)
 * Unknown case → 404; a case that no longer validates → 409 with its
 * problems; Chromium unavailable or every place in the PDF line taken → 503
 * (Retry-After). HEAD on any of them answers the download's headers after
 * finding the case, and computes and renders nothing.
 */
import { Router, type Request } from "express";
import { z } from "zod";
import type { Application } from "../../app/application.js";
import type { Principal } from "../../app/principal.js";
import { checkCase } from "../../case/evaluate-document.js";
import type { AppContext } from "../context.js";
import { CSV_VARIANTS, csvOf, defaultCsvVariant } from "../exports/csv.js";
import { sendDownload, sendDownloadHead, type DownloadKind } from "../exports/download.js";
import { invalidCase } from "../exports/evaluated-case.js";
import { pdfReadyToken, sendPrintPdf } from "../exports/print-pdf.js";
import { exportTables } from "../exports/tables.js";
import { xlsxOf } from "../exports/xlsx.js";
import { evaluateStored } from "../evaluation.js";
import { handlers, idParam, langInput } from "../handler.js";
import { langOf } from "../page.js";

/** The comparison page's ?ready= token (print-pdf.ts). */
const pdfInput = idParam.extend({ query: z.object({ ready: pdfReadyToken.optional() }) });

/** The case's id, the page language and the CSV variant asked for, if any (?sep=semicolon|comma). */
const csvInput = idParam.extend({ query: z.object({ sep: z.enum(CSV_VARIANTS).optional() }), lang: langInput });

export function exportRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  /** The case evaluated as everywhere else (evaluateStored): 404 when there is none, 409 with every problem when it no longer passes the checks. */
  const evaluatedCase = async (app: Application, principal: Principal, id: string) => {
    const { stored, evaluation, computedAt } = await evaluateStored(ctx, await app.cases.get(principal, id));
    if (!evaluation.ok) throw invalidCase(evaluation.problems);
    return { stored, evaluated: evaluation, computedAt };
  };

  /** The export tables of an evaluated case in the page language. */
  const tablesOf = ({ stored, evaluated, computedAt }: Awaited<ReturnType<typeof evaluatedCase>>, req: Request) =>
    exportTables(evaluated, { caseId: stored.id, version: stored.version, madeAt: computedAt }, langOf(req));

  /** HEAD: whether the case is there and what the file would be called; nothing evaluated or rendered. */
  const headOnly = (kind: DownloadKind) =>
    handler({
      input: idParam,
      permission: "case.read",
      call: (app, principal, { params }) => app.cases.get(principal, params.id),
      respond: { send: (stored, _req, res) => sendDownloadHead(res, kind, stored.title) },
    });

  router
    .route("/cases/:id/export.csv")
    .head(headOnly("csv"))
    .get(
      handler({
        input: csvInput,
        permission: "case.read",
        call: async (app, principal, { params, query, lang }) => ({ ...(await evaluatedCase(app, principal, params.id)), variant: query.sep ?? defaultCsvVariant(lang) }),
        respond: { send: (found, req, res) => sendDownload(res, "csv", found.stored.title, csvOf(tablesOf(found, req), { semicolon: found.variant === "semicolon" })) },
      }),
    );

  router
    .route("/cases/:id/export.xlsx")
    .head(headOnly("xlsx"))
    .get(
      handler({
        input: idParam,
        permission: "case.read",
        call: (app, principal, { params }) => evaluatedCase(app, principal, params.id),
        respond: { send: async (found, req, res) => sendDownload(res, "xlsx", found.stored.title, await xlsxOf(tablesOf(found, req), new Date(found.computedAt))) },
      }),
    );

  router
    .route("/cases/:id/report.pdf")
    .head(headOnly("pdf"))
    .get(
      handler({
        input: pdfInput,
        permission: "case.read",
        call: async (app, principal, { params, query }) => {
          const stored = await app.cases.get(principal, params.id);
          const checked = checkCase(stored.document, ctx.library);
          if (!checked.ok) throw invalidCase(checked.problems);
          return { stored, ready: query.ready };
        },
        respond: { send: ({ stored, ready }, req, res) => sendPrintPdf(ctx, req, res, { path: `/cases/${encodeURIComponent(stored.id)}/report`, title: stored.title, ready }) },
      }),
    );

  return router;
}
