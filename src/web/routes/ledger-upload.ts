/**
 * The ledger's bytes coming in, streamed into app.ledgers.import as they
 * arrive, never held whole:
 *   POST /climate/ledgers/inspect   the first 64 KB of a file (the browser's File.slice) →
 *                                   JSON { format, headers, suggested, remembered }
 *   POST /climate/ledgers/upload    the raw file (?name=…&columns=<json>; text/csv or .xlsx),
 *                                   sent by public/js/ledger-upload.js with a progress bar →
 *                                   JSON of the import summary and its address
 *   POST /climate/ledgers           the same without JavaScript: a multipart form whose file part
 *                                   is streamed (multer with a storage of our own) → 303 to the
 *                                   summary, or the page again with the problem beside its field
 * Mounted before the body limits and the global CSRF check (kalkyle-app.ts,
 * beforeCsrf): the token comes in the X-CSRF-Token header or, in the
 * multipart form, as the field before the file, and each route checks it
 * itself after the policy and before a byte of the file is imported.
 * Uploads stop at LEDGER_UPLOAD_LIMIT_BYTES with a 413 that says the limit.
 */
import { Router, type Request, type Response } from "express";
import multer from "multer";
import type { Readable } from "node:stream";
import { z } from "zod";
import { ConflictError, InvalidInputError } from "../../app/errors.js";
import { authorize } from "../../app/policy.js";
import type { Principal } from "../../app/principal.js";
import type { Lang, Problem } from "../../case/messages.js";
import { LEDGER_FIELDS, type ColumnMapping, type ImportSummary } from "../../ledger/types.js";
import { principalOf, requireLogin } from "../auth.js";
import type { AppContext } from "../context.js";
import { HttpError } from "../errors.js";
import { translate, translateKey } from "../i18n/catalog.js";
import { langOf } from "../page.js";
import { isCsrfValid } from "../security.js";
import { declaredLength, HEAD_BYTES, limitedUpload, UploadTooLargeError, type LimitedUpload } from "../upload-stream.js";
import { columnFieldOf, columnProblemMessage, columnsFromForm, columnStep } from "../view-models/ledger-columns.js";
import { LEDGER_UPLOAD_LIMIT_BYTES, LEDGER_UPLOAD_LIMIT_MB, renderLedgersPage } from "./ledgers.js";
import { fileProblemMessage } from "../view-models/ledger-problems.js";

/** What a multipart form adds around the file (boundaries, the token, the column fields) at most. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** What a browser or an ERP export may call a CSV or an .xlsx file; a form body (parsed before this route) is not a ledger. */
const LEDGER_TYPES = new Set(["text/csv", "text/plain", "application/csv", "text/x-csv", "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream"]);

const columnsSchema = z.strictObject(Object.fromEntries(LEDGER_FIELDS.map((f) => [f, z.string().max(500).optional()])) as Record<(typeof LEDGER_FIELDS)[number], z.ZodOptional<z.ZodString>>);
const uploadQuery = z.object({
  name: z.string().trim().min(1).max(255),
  columns: z
    .string()
    .max(10_000)
    .optional()
    .transform((text, zctx) => {
      if (text === undefined || text === "") return null;
      try {
        const parsed = columnsSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data as ColumnMapping;
      } catch {
        // not JSON: refused below
      }
      zctx.addIssue({ code: "custom", message: "columns" });
      return z.NEVER;
    }),
});

/** A file's name as kept: its last path segment (a browser may send C:\fakepath\…). */
const baseName = (name: string) => name.split(/[\\/]/).pop()!.trim() || name.trim();

/** Problems as the script reads them: each at its path ("file", "columns.account") in the user's language. */
function problemsJson(problems: Problem[], columns: ColumnMapping | null, lang: Lang) {
  return {
    errors: problems.map((p) => {
      const field = columnFieldOf(p);
      // the field's name too, for a page that has no select to put the problem beside (a workbook's columns are read on import)
      return { path: p.path, code: p.code, message: field ? columnProblemMessage(p, columns?.[field], lang) : fileProblemMessage(p, lang), ...(field ? { label: translateKey(lang, `ledgers.field.${field}`) } : {}) };
    }),
  };
}

function summaryJson(summary: ImportSummary) {
  return { importId: summary.importId, href: `/climate/ledgers/imports/${encodeURIComponent(summary.importId)}`, read: summary.read, imported: summary.imported, duplicates: summary.duplicates, broken: summary.broken };
}

/** Another import of the organisation is under way (one at a time): said beside the file. */
const importRunningJson = (lang: Lang) => ({ errors: [{ path: "file", code: "import-running", message: translate(lang, "error.import-running") }] });

const tooLargeJson = (lang: Lang) => ({ errors: [{ path: "file", code: "too-large", message: translate(lang, "ledgers.file.tooLarge", { limit: String(LEDGER_UPLOAD_LIMIT_MB) }) }] });

/** The whole of a small body (the head of a file), or UploadTooLargeError past `limit`. */
async function smallBody(req: Request, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of limitedUpload(req, limit).chunks) chunks.push(chunk);
  return Buffer.concat(chunks);
}

type FormOutcome = { fileName: string; upload: LimitedUpload | null; columns: ColumnMapping | null; summary: ImportSummary | null };

/** Streams the form's file part into the import; fields before the file (the token, the columns) are read first. */
function receiveForm(ctx: AppContext, req: Request, res: Response, principal: Principal): Promise<FormOutcome> {
  const outcome: FormOutcome = { fileName: "", upload: null, columns: null, summary: null };
  const storage: multer.StorageEngine = {
    _handleFile(request, file, callback) {
      const run = async () => {
        if (!isCsrfValid(request, { secure: ctx.sessionOptions.secureCookie })) throw new HttpError(403, "error.forbidden");
        if (!file.originalname) return void file.stream.resume();
        const body = (request.body ?? {}) as Record<string, unknown>;
        outcome.fileName = baseName(file.originalname);
        outcome.columns = body.columns === "chosen" ? columnsFromForm(body) : null;
        outcome.upload = limitedUpload(file.stream as Readable, LEDGER_UPLOAD_LIMIT_BYTES);
        outcome.summary = await ctx.app.ledgers.import(principal, { fileName: outcome.fileName, source: outcome.upload.chunks, bytesTotal: null, columns: outcome.columns });
      };
      run().then(
        () => callback(null, {}),
        (error: unknown) => callback(error as Error),
      );
    },
    _removeFile(_request, _file, callback) {
      callback(null);
    },
  };
  const parse = multer({ storage, limits: { files: 1, fields: LEDGER_FIELDS.length + 4, fieldSize: 2_000, parts: LEDGER_FIELDS.length + 6, fieldNameSize: 100 } }).single("file");
  return new Promise((resolve, reject) => parse(req, res, (error: unknown) => (error ? reject(Object.assign(error as object, { outcome })) : resolve(outcome))));
}

/** The page again after a refused form: the problem beside the file, or the column step filled in with the file's headers. */
async function refusedForm(ctx: AppContext, req: Request, res: Response, principal: Principal, error: unknown): Promise<void> {
  const lang = langOf(req);
  const outcome = (error as { outcome?: FormOutcome }).outcome;
  res.set("Connection", "close");
  if (error instanceof UploadTooLargeError) return renderLedgersPage(ctx, req, res, { fileError: translate(lang, "ledgers.file.tooLarge", { limit: String(LEDGER_UPLOAD_LIMIT_MB) }) }, 413);
  if (error instanceof ConflictError) return renderLedgersPage(ctx, req, res, { fileError: translate(lang, "error.import-running") }, 409);
  if (!(error instanceof InvalidInputError)) throw error instanceof HttpError ? error : new HttpError(400, "error.generic");
  const fileProblem = error.problems.find((p) => columnFieldOf(p) === null);
  if (fileProblem || !outcome?.upload) return renderLedgersPage(ctx, req, res, { fileError: fileProblem ? fileProblemMessage(fileProblem, lang) : translate(lang, "ledgers.upload.noFile") }, 400);
  // the columns were refused: the file's headers from its head, so the column step can offer them
  const found = await ctx.app.ledgers.inspect(principal, outcome.fileName, outcome.upload.head());
  // a workbook's headers are only known once it is read: the problems in words, each with its field's name
  if (found.format.headers.length === 0) return renderLedgersPage(ctx, req, res, { problems: problemsJson(error.problems, outcome.columns, lang).errors.map((e) => ("label" in e ? `${e.label}: ${e.message}` : e.message)) }, 400);
  const chosen = outcome.columns ?? found.remembered ?? found.suggested;
  const origin = outcome.columns ? undefined : found.remembered ? "remembered" : "suggested";
  return renderLedgersPage(ctx, req, res, { columns: columnStep({ lang, headers: found.format.headers, chosen, origin, format: found.format, problems: error.problems }) }, 400);
}

export function ledgerUploadRoutes(ctx: AppContext): Router {
  const router = Router();
  const csrfOk = (req: Request) => isCsrfValid(req, { secure: ctx.sessionOptions.secureCookie });
  // Mounted before the app's own login check (the bodies are read here): the same check, for these paths only.
  router.use("/climate/ledgers", requireLogin());

  router.post("/climate/ledgers/inspect", async (req, res) => {
    const principal = principalOf(req);
    authorize(principal, "ledger.import");
    if (!csrfOk(req)) throw new HttpError(403, "error.forbidden");
    const lang = langOf(req);
    const name = typeof req.query.name === "string" && req.query.name.trim() !== "" ? baseName(req.query.name).slice(0, 255) : "ledger.csv";
    try {
      const found = await ctx.app.ledgers.inspect(principal, name, await smallBody(req, HEAD_BYTES));
      const { encoding, delimiter, kind, headers } = found.format;
      res.set("Cache-Control", "no-store").json({ format: { encoding, delimiter, kind }, headers, suggested: found.suggested, remembered: found.remembered });
    } catch (error) {
      if (error instanceof UploadTooLargeError) return void res.set("Connection", "close").status(413).json(tooLargeJson(lang));
      if (error instanceof InvalidInputError) return void res.status(400).json(problemsJson(error.problems, null, lang));
      throw error;
    }
  });

  router.post("/climate/ledgers/upload", async (req, res) => {
    const principal = principalOf(req);
    authorize(principal, "ledger.import");
    const lang = langOf(req);
    let columns: ColumnMapping | null = null;
    try {
      if (!csrfOk(req)) throw new HttpError(403, "error.forbidden");
      const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      if (!LEDGER_TYPES.has(type)) throw new HttpError(415, "ledgers.upload.unsupportedType");
      const length = declaredLength(req.headers["content-length"]);
      if (length !== null && length > LEDGER_UPLOAD_LIMIT_BYTES) throw new UploadTooLargeError(LEDGER_UPLOAD_LIMIT_BYTES);
      const query = uploadQuery.safeParse(req.query);
      if (!query.success) throw new HttpError(400, "error.generic", query.error.issues.map((i) => ({ path: String(i.path[0] ?? "query"), code: "invalid", params: { detail: i.message } })));
      columns = query.data.columns;
      const upload = limitedUpload(req, LEDGER_UPLOAD_LIMIT_BYTES);
      const summary = await ctx.app.ledgers.import(principal, { fileName: baseName(query.data.name), source: upload.chunks, bytesTotal: length, columns });
      res.set("Cache-Control", "no-store").json(summaryJson(summary));
    } catch (error) {
      // the client went away mid-file: nobody to answer, and the import was abandoned (nothing kept); not a fault of ours
      if (req.destroyed && !req.complete) return void res.status(400).end();
      // the rest of an unread body is not waited for: the answer goes out and the connection closes
      if (!req.complete) res.set("Connection", "close");
      if (error instanceof UploadTooLargeError) return void res.status(413).json(tooLargeJson(lang));
      if (error instanceof InvalidInputError) return void res.status(400).json(problemsJson(error.problems, columns, lang));
      if (error instanceof ConflictError) return void res.status(409).json(importRunningJson(lang));
      throw error;
    }
  });

  // Not a declared handler: the multipart body and its CSRF token are read here, after the policy and before any input schema could see them.
  router.post("/climate/ledgers", async (req, res) => {
    const principal = principalOf(req);
    authorize(principal, "ledger.import");
    // any other body was read before this route (a form), so its token is known: a missing one is refused first
    if (!req.is("multipart/form-data")) throw csrfOk(req) ? new HttpError(415, "ledgers.upload.unsupportedType") : new HttpError(403, "error.forbidden");
    const length = declaredLength(req.headers["content-length"]);
    if (length !== null && length > LEDGER_UPLOAD_LIMIT_BYTES + FORM_OVERHEAD_BYTES) {
      res.set("Connection", "close");
      return renderLedgersPage(ctx, req, res, { fileError: translate(langOf(req), "ledgers.file.tooLarge", { limit: String(LEDGER_UPLOAD_LIMIT_MB) }) }, 413);
    }
    let outcome: FormOutcome;
    try {
      outcome = await receiveForm(ctx, req, res, principal);
    } catch (error) {
      return refusedForm(ctx, req, res, principal, error);
    }
    if (!csrfOk(req)) throw new HttpError(403, "error.forbidden");
    if (!outcome.summary) return renderLedgersPage(ctx, req, res, { fileError: translate(langOf(req), "ledgers.upload.noFile") }, 400);
    res.redirect(303, summaryJson(outcome.summary).href);
  });

  return router;
}
