/**
 * Import and export of the case file (kalkyle.case/1 JSON):
 *   GET  /import               a file input and a textarea to paste JSON
 *   POST /import               multipart (file) or urlencoded (textarea): a valid
 *                              case is created (303 to its comparison); anything
 *                              else re-renders with every problem and its path (400)
 *   GET  /cases/:id/case.json  the stored document as a download (HEAD: its headers only)
 * Mounted before the global CSRF check because multipart bodies are parsed
 * here (multer, in memory, 1 MB); the token is checked right after parsing.
 */
import { Router, type Request, type Response } from "express";
import multer from "multer";
import { z } from "zod";
import { parseJsonText } from "../../case/evaluate-document.js";
import { problemMessage, type Problem } from "../../case/messages.js";
import type { AppContext } from "../context.js";
import { HttpError } from "../errors.js";
import { translate } from "../i18n/catalog.js";
import { langOf } from "../page.js";
import { isCsrfValid } from "../security.js";
import { handlers, idParam } from "../handler.js";
import { principalOf, requireLogin } from "../auth.js";
import { authorize } from "../../app/policy.js";
import { sendDownload, sendDownloadHead } from "../exports/download.js";

export const IMPORT_MAX_BYTES = 1024 * 1024;

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, fieldSize: IMPORT_MAX_BYTES, parts: 6, fieldNameSize: 100 },
}).single("file");

/** Runs multer for a multipart body; its limit errors become 413, anything else malformed 400. */
function parseMultipart(req: Request, res: Response): Promise<void> {
  if (!req.is("multipart/form-data")) return Promise.resolve();
  return new Promise((resolve, reject) => {
    upload(req, res, (error: unknown) => {
      if (!error) return resolve();
      const code = (error as { code?: string }).code;
      if (code === "LIMIT_FILE_SIZE" || code === "LIMIT_FIELD_VALUE") return reject(new HttpError(413, "error.tooLarge", [], { limitBytes: IMPORT_MAX_BYTES, back: { href: "/import", labelKey: "import.title" } }));
      reject(new HttpError(400, "error.generic"));
    });
  });
}

function importPage(ctx: AppContext, req: Request, res: Response, pasted: string, problems: Problem[] | string | null, status = 200): void {
  const lang = langOf(req);
  const items = typeof problems === "string" ? [{ path: "", message: problems }] : (problems ?? []).map((p) => ({ path: p.path === "(document)" ? translate(lang, "import.document") : p.path, message: problemMessage(p, lang) }));
  res.set("Cache-Control", "no-store");
  ctx.render(req, res, "import", { pageTitle: translate(lang, "import.title"), pasted, problems: items.length > 0 ? { title: translate(lang, "import.failed", { count: items.length }), items } : undefined }, { status });
}

export function importRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);
  // Mounted before the app's own login check (multipart bodies are read here): the same check, for these paths only.
  router.use(["/import", "/cases/:id/case.json"], requireLogin());

  router.get(
    "/import",
    handler({ input: z.object({}), permission: "case.create", call: async () => null, respond: { send: (_none, req, res) => importPage(ctx, req, res, "", null) } }),
  );

  // Not a declared handler: the multipart body and its CSRF token are read here, after the policy and before any input schema could see them.
  router.post("/import", async (req, res) => {
    // A role that may not make cases is refused before the file is read.
    authorize(principalOf(req), "case.create");
    await parseMultipart(req, res);
    if (!isCsrfValid(req, { secure: ctx.sessionOptions.secureCookie })) throw new HttpError(403, "error.forbidden");
    const body = (req.body ?? {}) as Record<string, unknown>;
    const pasted = typeof body.json === "string" ? body.json : "";
    const file = req.file && req.file.size > 0 ? req.file.buffer.toString("utf8").replace(/^\uFEFF/, "") : undefined;
    const text = file ?? pasted;
    if (text.trim() === "") return importPage(ctx, req, res, pasted, translate(langOf(req), "import.empty"), 400);
    const parsed = parseJsonText(text);
    // The text goes back into the textarea, so a file's problems can be fixed in place.
    if (!parsed.ok) return importPage(ctx, req, res, text, parsed.problems, 400);
    const checked = await ctx.pool.check(parsed.value);
    if (!checked.ok) return importPage(ctx, req, res, text, checked.problems, 400);
    const saved = await ctx.app.cases.create(principalOf(req), parsed.value as Record<string, unknown>);
    res.redirect(303, `/cases/${encodeURIComponent(saved.id)}`);
  });

  router
    .route("/cases/:id/case.json")
    // HEAD: the download's headers only, like every download.
    .head(handler({ input: idParam, permission: "case.read", call: (app, principal, { params }) => app.cases.get(principal, params.id), respond: { send: (found, _req, res) => sendDownloadHead(res, "case", found.title) } }))
    .get(
      handler({
        input: idParam,
        permission: "case.read",
        call: (app, principal, { params }) => app.cases.get(principal, params.id),
        respond: { send: (found, _req, res) => sendDownload(res, "case", found.title, `${JSON.stringify(found.document, null, 2)}\n`) },
      }),
    );

  return router;
}
