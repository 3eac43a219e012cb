/**
 * The organisation's Klimanøytral 2027 dashboard and its downloads (GET
 * only, permission climate.read: every role):
 *   /climate                  the dashboard page (view-models/climate-dashboard.ts), printable
 *   /climate/dashboard.csv    its tables in one CSV: in bokmål semicolons and decimal commas,
 *                             in English commas and decimal points; ?sep=semicolon|comma asks
 *                             for the other (any other value is a 400), as the case's CSV
 *   /climate/dashboard.xlsx   its tables as an Excel workbook, one sheet per table
 * Every figure comes from app.climate.dashboard; nothing is worked out here.
 */
import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../context.js";
import { dashboardCsv, dashboardXlsx } from "../exports/climate-dashboard-files.js";
import { dashboardTables } from "../exports/climate-dashboard-tables.js";
import { CSV_VARIANTS, defaultCsvVariant } from "../exports/csv.js";
import { sendDownload } from "../exports/download.js";
import { handlers, langInput } from "../handler.js";
import { translate } from "../i18n/catalog.js";
import { dashboardModel } from "../view-models/climate-dashboard.js";

const pageInput = z.object({ lang: langInput });
const csvInput = z.object({ query: z.object({ sep: z.enum(CSV_VARIANTS).optional() }), lang: langInput });

export function climateDashboardRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  router.get(
    "/climate",
    handler({
      input: pageInput,
      permission: "climate.read",
      call: async (app, principal, { lang }) => dashboardModel(await app.climate.dashboard(principal), lang, new Date().toISOString()),
      respond: { view: "climate-dashboard", model: (model) => model },
    }),
  );

  router.get(
    "/climate/dashboard.csv",
    handler({
      input: csvInput,
      permission: "climate.read",
      call: async (app, principal, { query, lang }) => {
        const tables = dashboardTables(await app.climate.dashboard(principal), lang, new Date().toISOString());
        return { lang, csv: dashboardCsv(tables, { semicolon: (query.sep ?? defaultCsvVariant(lang)) === "semicolon" }) };
      },
      respond: { send: ({ lang, csv }, _req, res) => sendDownload(res, "csv", translate(lang, "dashboard.export.fileTitle"), csv) },
    }),
  );

  router.get(
    "/climate/dashboard.xlsx",
    handler({
      input: pageInput,
      permission: "climate.read",
      call: async (app, principal, { lang }) => {
        const madeAt = new Date();
        const tables = dashboardTables(await app.climate.dashboard(principal), lang, madeAt.toISOString());
        const title = translate(lang, "dashboard.export.fileTitle");
        return { title, xlsx: await dashboardXlsx(tables, { madeAt, sourceLine: translate(lang, "dashboard.export.sourceLine", { title: translate(lang, "dashboard.title"), madeAt: madeAt.toISOString() }) }) };
      },
      respond: { send: ({ title, xlsx }, _req, res) => sendDownload(res, "xlsx", title, xlsx) },
    }),
  );

  return router;
}
