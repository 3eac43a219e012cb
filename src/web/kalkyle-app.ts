/** The whole Kalkyle web app: createApp with every feature's routes mounted. */
import { createApp, type AppOptions } from "./app.js";
import { accountRoutes } from "./routes/account.js";
import { adminAuditRoutes } from "./routes/admin-audit.js";
import { adminTokenRoutes } from "./routes/admin-tokens.js";
import { adminUserRoutes } from "./routes/admin-users.js";
import { apiRoutes } from "./routes/api.js";
import { climateDashboardRoutes } from "./routes/climate-dashboard.js";
import { climatePlanRoutes } from "./routes/climate-plan.js";
import { compareRoutes } from "./routes/compare.js";
import { decisionRoutes } from "./routes/decisions.js";
import { editorGuardRoutes, editorRoutes } from "./routes/editor.js";
import { exportRoutes } from "./routes/exports.js";
import { factorRoutes } from "./routes/factors.js";
import { financeRoutes } from "./routes/finance.js";
import { awardRoutes } from "./routes/award.js";
import { importRoutes } from "./routes/import.js";
import { bidRoutes } from "./routes/bids.js";
import { ledgerUploadRoutes } from "./routes/ledger-upload.js";
import { ledgerRoutes } from "./routes/ledgers.js";
import { screeningRoutes } from "./routes/screening.js";
import { spendMappingRoutes } from "./routes/spend-mapping.js";
import { memoRoutes } from "./routes/memo.js";

export function createKalkyleApp(options: AppOptions) {
  return createApp(options, {
    api: [apiRoutes],
    // Multipart bodies are parsed inside the import routes (a case file; a ledger, streamed, also as a raw body), which then check the CSRF token themselves.
    beforeCsrf: [importRoutes, ledgerUploadRoutes, bidRoutes],
    // The editor's saves from a lost session or over the body limit are sent on with the draft kept (nothing is changed).
    beforeLimits: [editorGuardRoutes],
    html: [editorRoutes, compareRoutes, financeRoutes, awardRoutes, memoRoutes, exportRoutes, factorRoutes, climateDashboardRoutes, climatePlanRoutes, decisionRoutes, ledgerRoutes, screeningRoutes, spendMappingRoutes, accountRoutes, adminUserRoutes, adminAuditRoutes, adminTokenRoutes],
  });
}
