/**
 * The bids of a case in the browser:
 *   GET  /cases/:id/bids                       the page: the bidder template to download, the upload form
 *   GET  /cases/:id/bids/template.xlsx?lang=   the template in bokmål or English (case.read)
 *   POST /cases/:id/bids                       a filled template (multipart, at most 5 MB; case.update):
 *        added as one new case version (303 back to the page, which says so and links to the comparison),
 *        or the page again (400) listing every problem with its sheet and cell, nothing kept
 * Mounted before the global CSRF check because the multipart body is read
 * here (multer, in memory); the token is checked right after, as on /import.
 */
import { Router, type Request, type Response } from "express";
import multer from "multer";
import { z } from "zod";
import { ConflictError } from "../../app/errors.js";
import { authorize, can } from "../../app/policy.js";
import type { Principal } from "../../app/principal.js";
import type { BidProblem } from "../../bids/bid-problems.js";
import { BID_LIMIT_BYTES, BID_LIMIT_TEXT } from "../../bids/zip-check.js";
import type { StoredCase } from "../../store/store.js";
import { principalOf, requireLogin } from "../auth.js";
import type { AppContext } from "../context.js";
import { contentDisposition, CONTENT_TYPES } from "../exports/download.js";
import { HttpError } from "../errors.js";
import { handlers, idParam, langInput } from "../handler.js";
import { translate } from "../i18n/catalog.js";
import { langOf } from "../page.js";
import { isCsrfValid } from "../security.js";
import { bidsPageModel } from "../view-models/bids-page.js";

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: BID_LIMIT_BYTES, files: 1, fields: 5, fieldSize: 1000, parts: 6, fieldNameSize: 100 },
}).single("file");

/** The multipart body read; a file over the limit is a problem of the file (as the reader words it), a malformed one 400. */
function readUpload(req: Request, res: Response): Promise<"ok" | "too-large"> {
  // Not a form with a file: nothing to read here; the CSRF check still comes first, then "no file".
  if (!req.is("multipart/form-data")) return Promise.resolve("ok");
  return new Promise((resolve, reject) => {
    upload(req, res, (error: unknown) => {
      if (!error) return resolve("ok");
      const code = (error as { code?: string }).code;
      if (code === "LIMIT_FILE_SIZE") return resolve("too-large");
      reject(new HttpError(400, "error.generic"));
    });
  });
}

const versionOf = (raw: unknown) => (typeof raw === "string" && /^\d{1,12}$/.test(raw) ? Number(raw) : undefined);

/** `?added=C` (or `?replaced=C`) after an upload: the alternative the page confirms; anything else (a repeated or odd value) confirms nothing. */
const shortName = z.unknown().optional().transform((v) => (typeof v === "string" && v.length <= 40 ? v : undefined));
const addedQuery = z.object({ added: shortName, replaced: shortName });

export function bidRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);
  // Mounted before the app's own login check (the upload's body is read here): the same check, for these paths only.
  router.use("/cases/:id/bids", requireLogin());

  const show = (req: Request, res: Response, found: StoredCase, extra: { problems?: BidProblem[] | string; added?: { id: string; replaced: boolean }; replace?: boolean } = {}, status = 200) => {
    const lang = langOf(req);
    res.set("Cache-Control", "no-store");
    ctx.render(req, res, "bids", bidsPageModel({ found, lang, canUpload: can(principalOf(req).role, "case.update"), limitText: BID_LIMIT_TEXT, ...extra }), { status });
  };

  router.get(
    "/cases/:id/bids",
    handler({
      input: idParam.extend({ query: addedQuery }),
      permission: "case.read",
      call: async (app, principal, { params, query }) => ({ found: await app.cases.get(principal, params.id), query }),
      respond: {
        send: ({ found, query }, req, res) => {
          const id = query.replaced ?? query.added;
          show(req, res, found, id === undefined ? {} : { added: { id, replaced: query.replaced !== undefined } });
        },
      },
    }),
  );

  router.get(
    "/cases/:id/bids/template.xlsx",
    handler({
      input: idParam.extend({ query: z.object({ lang: langInput.optional() }), lang: langInput }),
      permission: "case.read",
      call: (app, principal, { params, query, lang }) => app.bids.template(principal, params.id, query.lang ?? lang),
      respond: {
        send: (template, _req, res) => void res.status(200).set({ "Content-Type": CONTENT_TYPES.xlsx, "Content-Disposition": contentDisposition(template.filename.replace(/\.xlsx$/, ""), "xlsx"), "Cache-Control": "no-store" }).send(template.bytes),
      },
    }),
  );

  // Not a declared handler: the multipart body and its CSRF token are read here, after the policy and before any input schema could see them.
  router.post("/cases/:id/bids", async (req, res) => {
    const principal: Principal = principalOf(req);
    // A role that may not change the case is refused before the file is read.
    authorize(principal, "case.update");
    const caseId = String(req.params.id);
    const size = await readUpload(req, res);
    if (!isCsrfValid(req, { secure: ctx.sessionOptions.secureCookie })) throw new HttpError(403, "error.forbidden");
    const found = await ctx.app.cases.get(principal, caseId);
    if (size === "too-large") return show(req, res, found, { problems: [{ sheet: "", cell: "", code: "file-too-large", params: { limit: BID_LIMIT_TEXT } }] }, 413);
    const body = (req.body ?? {}) as Record<string, unknown>;
    // The replace box stays as the user left it when the page comes back with problems.
    const replace = body.replace === "true";
    if (!req.file || req.file.size === 0) return show(req, res, found, { problems: translate(langOf(req), "bids.noFile"), replace }, 400);
    try {
      const outcome = await ctx.app.bids.importBid(principal, caseId, req.file.buffer, { expectedVersion: versionOf(body.version), replace });
      if (!outcome.ok) return show(req, res, found, { problems: outcome.problems, replace }, 400);
      const lang = langOf(req);
      const back = `/cases/${encodeURIComponent(caseId)}/bids?${outcome.replaced ? "replaced" : "added"}=${encodeURIComponent(outcome.alternativeId)}`;
      res.redirect(303, lang === (req.session?.lang ?? "nb") ? back : `${back}&lang=${lang}`);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      show(req, res, await ctx.app.cases.get(principal, caseId), { problems: translate(langOf(req), "bids.conflict"), replace }, 409);
    }
  });

  return router;
}
