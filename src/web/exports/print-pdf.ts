/**
 * A print view of a case rendered to PDF by Chromium, as the user who asked
 * (their session's cookie goes with the request, so the page is theirs to
 * see), with a footer of the case's title and page numbers, and sent as a
 * download. Shared by the report (/cases/:id/report.pdf) and the decision
 * memo (/cases/:id/memo.pdf).
 *
 * ?ready=<token> (the page's pdf-status.js) sets the cookie kalkyle-pdf-ready
 * to the token with the file, so the page that asked knows it came.
 * Every place in the PDF line taken → 503 "busy"; Chromium failing → 503
 * "unavailable"; a client that hangs up while waiting gives its place to
 * the next and gets nothing.
 *
 * Example: sendPrintPdf(ctx, req, res, { path: "/cases/k1/memo?a=A&b=B", title: "Gatelys", ready: "abc123def456" })
 *   renders http://127.0.0.1:<port>/cases/k1/memo?a=A&b=B&lang=nb and sends "Gatelys.pdf".
 */
import type { Request, Response } from "express";
import { z } from "zod";
import type { AppContext } from "../context.js";
import { HttpError } from "../errors.js";
import { langOf } from "../page.js";
import { PdfAbandonedError, PdfBusyError } from "../pdf.js";
import { sessionCookieOf } from "../session.js";
import { reportFooter } from "../view-models/report.js";
import { sendDownload } from "./download.js";

/** The cookie the PDF's response sets to the ?ready= token, so the page that asked can tell the download has started. */
export const PDF_READY_COOKIE = "kalkyle-pdf-ready";

/** The ?ready= token: letters and digits only, so it can go into a cookie as it is. */
export const pdfReadyToken = z.string().regex(/^[A-Za-z0-9]{8,64}$/);

/** `path`: the print view on this server, its query included (the page language is added); `title`: the case's, in the footer and, unless `fileTitle` says otherwise, the file's name. */
export type PrintPdf = { path: string; title: string; fileTitle?: string; ready?: string };

/** The print view as a PDF, or null when the client left before its turn. */
export async function renderPrintPdf(ctx: AppContext, req: Request, res: Response, { path, title }: PrintPdf): Promise<Buffer | null> {
  // A client that hangs up while waiting gives its place in the line to the next.
  const gaveUp = new AbortController();
  res.once("close", () => gaveUp.abort());
  const lang = langOf(req);
  // as Chromium will write it, since the renderer refuses a page that ends up at another address
  const url = new URL(`${ctx.selfOrigin()}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`).href;
  try {
    return await ctx.pdf.render(url, { signal: gaveUp.signal, cookies: sessionCookieOf(req), footer: reportFooter(title, lang) });
  } catch (error) {
    if (error instanceof PdfBusyError) throw new HttpError(503, "export.pdfBusy");
    if (error instanceof PdfAbandonedError) return null;
    ctx.logger.warn({ requestId: res.locals.requestId }, `PDF rendering failed: ${String((error as Error)?.message ?? error).slice(0, 300)}`);
    throw new HttpError(503, "export.pdfUnavailable");
  }
}

/** Renders the print view and sends it as "<fileTitle or title>.pdf", the ready cookie set when asked for; nothing when the client left. */
export async function sendPrintPdf(ctx: AppContext, req: Request, res: Response, pdf: PrintPdf): Promise<void> {
  const bytes = await renderPrintPdf(ctx, req, res, pdf);
  if (!bytes) return;
  if (pdf.ready !== undefined) res.cookie(PDF_READY_COOKIE, pdf.ready, { path: "/", maxAge: 120_000, sameSite: "strict", httpOnly: false, secure: req.secure });
  sendDownload(res, "pdf", pdf.fileTitle ?? pdf.title, bytes);
}
