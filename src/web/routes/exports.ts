/**
 * Downloads of one case (GET only, nothing written but the result cache of
 * evaluateStored):
 *   /cases/:id/export.csv    one CSV (?sep=semicolon: semicolons and decimal comma)
 *   /cases/:id/export.xlsx   an Excel workbook, one sheet per table
 *   /cases/:id/report.pdf    the print view (/cases/:id/report) rendered by Chromium
 * Unknown case → 404; a case that no longer validates → 409 with its
 * problems; Chromium unavailable → 503.
 */
import { Router, type Request } from "express";
import { checkCase } from "../../case/evaluate-document.js";
import type { AppContext } from "../context.js";
import { HttpError } from "../errors.js";
import { csvOf } from "../exports/csv.js";
import { sendDownload } from "../exports/download.js";
import { evaluatedCase, invalidCase } from "../exports/evaluated-case.js";
import { exportTables } from "../exports/tables.js";
import { xlsxOf } from "../exports/xlsx.js";
import { langOf } from "../page.js";
import { storedCaseOr404 } from "../evaluation.js";

export function exportRoutes(ctx: AppContext): Router {
  const router = Router();

  /** The case, its export tables in the page language, and the time they were made. */
  const tablesOf = async (req: Request<{ id: string }>) => {
    const { stored, evaluated, computedAt } = await evaluatedCase(ctx, req.params.id);
    return { stored, computedAt, tables: exportTables(evaluated, { caseId: stored.id, version: stored.version, madeAt: computedAt }, langOf(req)) };
  };

  router.get("/cases/:id/export.csv", async (req, res) => {
    const { stored, tables } = await tablesOf(req);
    sendDownload(res, "csv", stored.title, csvOf(tables, { semicolon: req.query.sep === "semicolon" }));
  });

  router.get("/cases/:id/export.xlsx", async (req, res) => {
    const { stored, tables, computedAt } = await tablesOf(req);
    sendDownload(res, "xlsx", stored.title, await xlsxOf(tables, new Date(computedAt)));
  });

  router.get("/cases/:id/report.pdf", async (req, res) => {
    const stored = await storedCaseOr404(ctx, req.params.id);
    const checked = checkCase(stored.document, ctx.library);
    if (!checked.ok) throw invalidCase(checked.problems);
    let pdf: Buffer;
    try {
      pdf = await ctx.pdf.render(`${ctx.selfOrigin()}/cases/${encodeURIComponent(stored.id)}/report?lang=${langOf(req)}`);
    } catch (error) {
      ctx.log({ level: "warn", requestId: res.locals.requestId, message: `PDF rendering failed: ${String((error as Error)?.message ?? error).replace(/[\r\n]+/g, " ").slice(0, 300)}` });
      throw new HttpError(503, "export.pdfUnavailable");
    }
    sendDownload(res, "pdf", stored.title, pdf);
  });

  return router;
}
