/**
 * The organisation's audit trail, for its administrators (policy: `audit.read`; 403 for any other role):
 *   GET /admin/audit              newest first, AUDIT_PAGE_SIZE a page, filtered by dates, actor, action
 *                                 and entity (a bad date: 400 with the problem next to its field)
 *   GET /admin/audit/export.csv   the same filter, every matching row (up to AUDIT_EXPORT_LIMIT) as CSV;
 *                                 ?sep=semicolon for semicolons (Excel set to Norwegian), as the case exports
 */
import { Router } from "express";
import { z } from "zod";
import type { Application } from "../../app/application.js";
import type { Principal } from "../../app/principal.js";
import { readAuditQuery } from "../audit-query.js";
import type { AppContext } from "../context.js";
import { HttpError } from "../errors.js";
import { csvOfRows } from "../exports/csv.js";
import { sendDownload } from "../exports/download.js";
import { handlers, langInput } from "../handler.js";
import { translate } from "../i18n/catalog.js";
import { AUDIT_PAGE_SIZE, auditCsvRows, auditPageModel, namesOf } from "../view-models/audit-trail.js";

/** The address's filter as it came; it is checked against the organisation's members in the call (audit-query.ts). */
const auditInput = z.object({ query: z.record(z.string(), z.unknown()), lang: langInput });

/** The filter from the address, checked against the organisation's members. */
async function filterOf(app: Application, principal: Principal, query: Record<string, unknown>) {
  const members = await app.accounts.members(principal);
  return { members, ...readAuditQuery(query, new Set(members.map((m) => m.id))) };
}

export function adminAuditRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  router.get(
    "/admin/audit",
    handler({
      input: auditInput,
      permission: "audit.read",
      call: async (app, principal, { query: raw, lang }) => {
        const { members, query, filter, errors } = await filterOf(app, principal, raw);
        const invalid = Object.keys(errors).length > 0;
        const found = invalid ? { total: 0, entries: [] } : await app.audit.list(principal, { ...filter, limit: AUDIT_PAGE_SIZE, offset: (query.page - 1) * AUDIT_PAGE_SIZE });
        return { invalid, page: { query, errors, members, lang, ...found } };
      },
      respond: { view: "audit", model: ({ page }) => auditPageModel(page), status: ({ invalid }) => (invalid ? 400 : 200) },
    }),
  );

  router.get(
    "/admin/audit/export.csv",
    handler({
      input: auditInput,
      permission: "audit.read",
      call: async (app, principal, { query: raw, lang }) => {
        const { members, filter, errors } = await filterOf(app, principal, raw);
        if (Object.keys(errors).length > 0) throw new HttpError(400, "audit.badDate");
        return { entries: await app.audit.export(principal, filter), members, lang, semicolon: raw.sep === "semicolon" };
      },
      respond: {
        send: ({ entries, members, lang, semicolon }, _req, res) =>
          sendDownload(res, "csv", `${translate(lang, "audit.file")} ${new Date().toISOString().slice(0, 10)}`, csvOfRows(auditCsvRows(entries, lang, namesOf(members)), { semicolon })),
      },
    }),
  );

  return router;
}
