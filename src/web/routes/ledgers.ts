/**
 * The ledger imports' pages:
 *   GET  /climate/ledgers                     the imports and the upload form (ledger-upload.ts takes the bytes)
 *   GET  /climate/ledgers/imports/:id         what one import did, its broken lines listed
 *   GET  /climate/ledgers/imports/:id/delete  the confirmation
 *   POST /climate/ledgers/imports/:id/delete  removes the import and its lines (ledger.delete) → 303 to the imports
 * Reading needs climate.read; the upload form is shown to the roles that
 * may import.
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { can } from "../../app/policy.js";
import { NotFoundError } from "../../app/errors.js";
import type { Application } from "../../app/application.js";
import type { Principal } from "../../app/principal.js";
import { principalOf } from "../auth.js";
import type { AppContext } from "../context.js";
import { handlers, langInput } from "../handler.js";
import { langOf } from "../page.js";
import { ledgersPageModel, type UploadState } from "../view-models/ledger-imports.js";
import { importDeleteModel, importSummaryModel } from "../view-models/ledger-summary.js";

/** The largest ledger file an upload takes (ledger-upload.ts), in MB and bytes. */
export const LEDGER_UPLOAD_LIMIT_MB = 500;
export const LEDGER_UPLOAD_LIMIT_BYTES = LEDGER_UPLOAD_LIMIT_MB * 1024 * 1024;

const importParam = z.object({ params: z.object({ id: z.string() }), lang: langInput });

/** One import of the organisation by its id, or NotFoundError (another organisation's is as unknown as none). */
async function importOf(app: Application, principal: Principal, id: string) {
  const found = (await app.ledgers.list(principal)).find((s) => s.importId === id);
  if (!found) throw new NotFoundError();
  return found;
}

/** The imports page, with what a refused upload left to say (`upload`) and its status. */
export async function renderLedgersPage(ctx: AppContext, req: Request, res: Response, upload: UploadState | undefined, status = 200): Promise<void> {
  const principal = principalOf(req);
  const imports = await ctx.app.ledgers.list(principal);
  const model = ledgersPageModel({ imports, lang: langOf(req), mayImport: can(principal.role, "ledger.import"), limit: { mb: LEDGER_UPLOAD_LIMIT_MB, bytes: LEDGER_UPLOAD_LIMIT_BYTES }, upload });
  ctx.render(req, res, "ledgers", model, { status });
}

export function ledgerRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  router.get("/climate/ledgers", handler({ input: z.object({}), permission: "climate.read", call: async () => null, respond: { send: (_none, req, res) => renderLedgersPage(ctx, req, res, undefined) } }));

  router.get(
    "/climate/ledgers/imports/:id",
    handler({ input: importParam, permission: "climate.read", call: (app, principal, { params }) => importOf(app, principal, params.id), respond: { view: "ledger-import", model: (found, req) => importSummaryModel(found, langOf(req)) } }),
  );

  router.get(
    "/climate/ledgers/imports/:id/delete",
    handler({ input: importParam, permission: "ledger.delete", call: (app, principal, { params }) => importOf(app, principal, params.id), respond: { view: "ledger-delete", model: (found, req) => importDeleteModel(found, langOf(req)) } }),
  );

  router.post(
    "/climate/ledgers/imports/:id/delete",
    handler({ input: importParam, permission: "ledger.delete", call: (app, principal, { params }) => app.ledgers.remove(principal, params.id), respond: { redirect: () => "/climate/ledgers" } }),
  );

  return router;
}
