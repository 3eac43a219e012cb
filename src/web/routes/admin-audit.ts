/**
 * The organisation's audit trail, for its administrators (policy: `audit.read`; 403 for any other role):
 *   GET /admin/audit              newest first, AUDIT_PAGE_SIZE a page, filtered by dates, actor, action
 *                                 and entity (a bad date: 400 with the problem next to its field)
 *   GET /admin/audit/export.csv   the same filter, every matching row (up to AUDIT_EXPORT_LIMIT) as CSV;
 *                                 ?sep=semicolon for semicolons (Excel set to Norwegian), as the case exports
 */
import { Router, type Request } from "express";
import { authorize } from "../../app/policy.js";
import { principalOf } from "../auth.js";
import { readAuditQuery } from "../audit-query.js";
import type { AppContext } from "../context.js";
import { HttpError } from "../errors.js";
import { csvOfRows } from "../exports/csv.js";
import { sendDownload } from "../exports/download.js";
import { translate } from "../i18n/catalog.js";
import { langOf } from "../page.js";
import { AUDIT_PAGE_SIZE, auditCsvRows, auditPageModel, namesOf } from "../view-models/audit-trail.js";

export function adminAuditRoutes(ctx: AppContext): Router {
  const router = Router();

  /** The filter from the address, checked against the organisation's members (reading them asks the policy first). */
  const filterOf = async (req: Request) => {
    const principal = principalOf(req);
    // a role without `audit.read` is refused before the members are read
    authorize(principal, "audit.read");
    const members = await ctx.app.accounts.members(principal);
    return { members, ...readAuditQuery(req.query as Record<string, unknown>, new Set(members.map((m) => m.id))) };
  };

  router.get("/admin/audit", async (req, res) => {
    const { members, query, filter, errors } = await filterOf(req);
    const lang = langOf(req);
    const invalid = Object.keys(errors).length > 0;
    const found = invalid ? { total: 0, entries: [] } : await ctx.app.audit.list(principalOf(req), { ...filter, limit: AUDIT_PAGE_SIZE, offset: (query.page - 1) * AUDIT_PAGE_SIZE });
    ctx.render(req, res, "audit", auditPageModel({ query, errors, members, lang, ...found }), { status: invalid ? 400 : 200 });
  });

  router.get("/admin/audit/export.csv", async (req, res) => {
    const { members, filter, errors } = await filterOf(req);
    if (Object.keys(errors).length > 0) throw new HttpError(400, "audit.badDate");
    const lang = langOf(req);
    const entries = await ctx.app.audit.export(principalOf(req), filter);
    const title = `${translate(lang, "audit.file")} ${new Date().toISOString().slice(0, 10)}`;
    sendDownload(res, "csv", title, csvOfRows(auditCsvRows(entries, lang, namesOf(members)), { semicolon: req.query.sep === "semicolon" }));
  });

  return router;
}
