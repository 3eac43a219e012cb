/**
 * Downloads of one case (GET only, nothing written but the result cache of
 * evaluateStored):
 *   /cases/:id/export.csv    one CSV (?sep=semicolon: semicolons and decimal comma)
 *   /cases/:id/export.xlsx   an Excel workbook, one sheet per table
 *   /cases/:id/report.pdf    the print view (/cases/:id/report) rendered by Chromium
 * Unknown case → 404; a case that no longer validates → 409 with its
 * problems; Chromium unavailable or every place in the PDF line taken → 503
 * (Retry-After). HEAD on any of them answers the download's headers after
 * finding the case, and computes and renders nothing.
 */
import { Router, type Request, type Response } from "express";
import { checkCase } from "../../case/evaluate-document.js";
import type { AppContext } from "../context.js";
import { HttpError } from "../errors.js";
import { csvOf } from "../exports/csv.js";
import { sendDownload, sendDownloadHead, type DownloadKind } from "../exports/download.js";
import { evaluatedCase, invalidCase } from "../exports/evaluated-case.js";
import { exportTables } from "../exports/tables.js";
import { xlsxOf } from "../exports/xlsx.js";
import { langOf } from "../page.js";
import { PdfAbandonedError, PdfBusyError } from "../pdf.js";
import { storedCaseOr404 } from "../evaluation.js";
import { sessionCookieOf } from "../session.js";

export function exportRoutes(ctx: AppContext): Router {
  const router = Router();

  /** The case, its export tables in the page language, and the time they were made. */
  const tablesOf = async (req: Request<{ id: string }>) => {
    const { stored, evaluated, computedAt } = await evaluatedCase(ctx, req, req.params.id);
    return { stored, computedAt, tables: exportTables(evaluated, { caseId: stored.id, version: stored.version, madeAt: computedAt }, langOf(req)) };
  };

  /** HEAD: whether the case is there and what the file would be called; nothing evaluated or rendered. */
  const headOnly = (kind: DownloadKind) => async (req: Request<{ id: string }>, res: Response) => {
    sendDownloadHead(res, kind, (await storedCaseOr404(ctx, req, req.params.id)).title);
  };

  router
    .route("/cases/:id/export.csv")
    .head(headOnly("csv"))
    .get(async (req, res) => {
      const { stored, tables } = await tablesOf(req);
      sendDownload(res, "csv", stored.title, csvOf(tables, { semicolon: req.query.sep === "semicolon" }));
    });

  router
    .route("/cases/:id/export.xlsx")
    .head(headOnly("xlsx"))
    .get(async (req, res) => {
      const { stored, tables, computedAt } = await tablesOf(req);
      sendDownload(res, "xlsx", stored.title, await xlsxOf(tables, new Date(computedAt)));
    });

  router
    .route("/cases/:id/report.pdf")
    .head(headOnly("pdf"))
    .get(async (req, res) => {
      const stored = await storedCaseOr404(ctx, req, req.params.id);
      const checked = checkCase(stored.document, ctx.library);
      if (!checked.ok) throw invalidCase(checked.problems);
      const pdf = await renderPdf(req, res, stored.id);
      if (pdf) sendDownload(res, "pdf", stored.title, pdf);
    });

  /** The print view as a PDF, or null when the client left before its turn; a full line → 503 "busy", Chromium failing → 503 "unavailable". */
  async function renderPdf(req: Request, res: Response, id: string): Promise<Buffer | null> {
    // A client that hangs up while waiting gives its place in the line to the next.
    const gaveUp = new AbortController();
    res.once("close", () => gaveUp.abort());
    try {
      return await ctx.pdf.render(`${ctx.selfOrigin()}/cases/${encodeURIComponent(id)}/report?lang=${langOf(req)}`, { signal: gaveUp.signal, cookies: sessionCookieOf(req) });
    } catch (error) {
      if (error instanceof PdfBusyError) throw new HttpError(503, "export.pdfBusy");
      if (error instanceof PdfAbandonedError) return null;
      ctx.logger.warn({ requestId: res.locals.requestId }, `PDF rendering failed: ${String((error as Error)?.message ?? error).slice(0, 300)}`);
      throw new HttpError(503, "export.pdfUnavailable");
    }
  }

  return router;
}
