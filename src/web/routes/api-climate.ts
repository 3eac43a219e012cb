/**
 * The climate adviser's JSON API (Klimanøytral 2027), mounted inside the
 * API router (api.ts), so the same bearer token, `Cache-Control: no-store`,
 * error body `{ "errors": [ { path, code, message } ] }` and language
 * (`?lang=nb`, Accept-Language, else English) hold as for the cases:
 *   GET    /climate/plan                    the newest plan, its target path drawn year by year; ETag = version;
 *                                           404 `climate.noPlan` before the first save
 *   GET    /climate/plan/versions           every version, newest first (without documents)
 *   GET    /climate/plan/versions/:version  one version
 *   PUT    /climate/plan                    a ClimatePlanDocument (tonnes and NOK as JSON numbers or decimal text);
 *                                           If-Match: version (0: none saved yet) → 409 `api.conflict` when someone saved in between
 *   GET    /climate/decisions               the register; GET /climate/decisions/:id one decision
 *   POST   /climate/decisions               a DecisionInput → 201 + Location
 *   DELETE /climate/decisions/:id           204
 *   GET    /climate/ledgers                 the imports, newest first; GET /climate/ledgers/:id one import's summary
 *   POST   /climate/ledgers?name=&columns=  the file as the body (text/csv in any character set, or .xlsx), streamed into
 *                                           the import and never held whole; at most 500 MB (413), another type 415;
 *                                           `columns` a JSON ColumnMapping (else the remembered or suggested one) → 201 + the ImportSummary
 *   POST   /climate/ledgers/inspect?name=   the first bytes of a file → its format, the suggested and the remembered columns
 *   DELETE /climate/ledgers/:id             204
 *   GET    /climate/mapping                 the default KOSTRA mapping, the adviser's rules and their version; ETag = version
 *   PUT    /climate/mapping                 { "rules": [ … ] }; If-Match: version → 409 `api.conflict`
 *   GET    /climate/screening               the screening of every imported line; 404 `climate.noLedger` before the first import
 *   GET    /climate/dashboard               the dashboard's figures and the target path's years
 * Figures: every tonne, krone and share the application layer keeps as
 * exact decimal text is written as a JSON number, as in the
 * `kalkyle.result/1` document (one conversion, api/climate-json.ts); a
 * plan or a decision may send them as numbers or as decimal text. JSON
 * bodies are at most 2 MB (json-body.ts). A ledger's problems are worded
 * by the ledger's own text: "file" when it cannot be read at all,
 * "columns.<field>" when a needed column cannot be found.
 */
import { Router, type ErrorRequestHandler, type Response } from "express";
import { z } from "zod";
import { ConflictError, InvalidInputError, NotFoundError } from "../../app/errors.js";
import { parseJsonBytes } from "../../case/evaluate-document.js";
import { problemMessage, type Lang, type Problem } from "../../case/messages.js";
import { isMessageKey } from "../../i18n/catalogue.js";
import { LEDGER_FIELDS, type ColumnMapping, type ImportSummary, type LedgerField } from "../../ledger/types.js";
import { etagOf, ifMatchVersion } from "../api/case-resource.js";
import { climateHref, dashboardFiguresJson, decisionHref, decisionJson, jsonNumber, planJson, planVersionSummaryJson, screeningJson } from "../api/climate-json.js";
import { jsonBody } from "../api/json-body.js";
import { apiLang } from "../api/lang.js";
import { closeUnlessRead, isLedgerUpload, LEDGER_API_LIMIT_MB, LEDGER_HEAD_BYTES, ledgerBody, LedgerMediaTypeError, LedgerTooLargeError, type LedgerUpload } from "../api/ledger-body.js";
import type { AppContext } from "../context.js";
import { handlers, idParam, noInput, problemIssue } from "../handler.js";
import { translate, translateKey, type MessageKey } from "../i18n/catalog.js";

/** A refusal of this API's own, answered by `refusals` below: status, where, a code a client can branch on, and the message's key. */
class ClimateRefusal extends Error {
  constructor(
    readonly status: 404 | 409,
    readonly path: string,
    readonly code: string,
    readonly key: MessageKey,
  ) {
    super(code);
  }
}

const noPlan = () => new ClimateRefusal(404, "(request)", "climate.noPlan", "climateApi.noPlan");
const noLedger = () => new ClimateRefusal(404, "(request)", "climate.noLedger", "climateApi.noLedger");
/** The application layer's ConflictError as a 409 that says what was saved in between. */
const staleAs = (key: MessageKey) => (error: unknown) => {
  throw error instanceof ConflictError ? new ClimateRefusal(409, "If-Match", "api.conflict", key) : error;
};

/** A problem with a ledger ("file", "columns.amount") in the ledger's own words; any other in the problem catalogue's. */
function ledgerProblemMessage(problem: Problem, lang: Lang): string {
  const own = problem.path === "file" ? `ledger.file.${problem.code.replace(/^ledger-/, "")}` : problem.path.startsWith("columns.") ? `ledger.columns.${problem.code}` : "";
  return own !== "" && isMessageKey(own) ? translateKey(lang, own, problem.params) : problemMessage(problem, lang);
}

/** This API's own refusals and a ledger's problems, in the one error body; anything else goes on to the app's error handler. */
const refusals: ErrorRequestHandler = (error, req, res, next) => {
  // The client went away in the middle of a ledger: nobody to answer, and the import was abandoned (nothing kept); not a fault of ours.
  if (isLedgerUpload(req.body) && !req.body.finished() && req.destroyed) return void res.status(400).end();
  closeUnlessRead(req, res);
  const lang = apiLang(req);
  const send = (status: number, errors: { path: string; code: string; message: string }[]) => void res.status(status).json({ errors });
  if (error instanceof ClimateRefusal) return send(error.status, [{ path: error.path, code: error.code, message: translate(lang, error.key) }]);
  if (error instanceof LedgerMediaTypeError) return send(415, [{ path: "(request)", code: "api.unsupportedMediaType", message: translate(lang, "climateApi.ledgerMediaType") }]);
  if (error instanceof LedgerTooLargeError || (isLedgerUpload(req.body) && req.body.tooLarge())) return send(413, [{ path: "file", code: "limit-body", message: translate(lang, "climateApi.ledgerTooLarge", { limit: String(LEDGER_API_LIMIT_MB) }) }]);
  if (error instanceof InvalidInputError && isLedgerUpload(req.body)) return send(400, error.problems.map((p) => ({ path: p.path, code: p.code, message: ledgerProblemMessage(p, lang) })));
  next(error);
};

/** A JSON body (json-body.ts keeps it as bytes) read into a value; malformed JSON is a problem at "(document)". */
const jsonDocument = z.unknown().transform((body, ctx) => {
  if (!(body instanceof Uint8Array)) {
    ctx.addIssue(problemIssue("required", {}, "(document)"));
    return z.NEVER;
  }
  const parsed = parseJsonBytes(body);
  if (parsed.ok) return parsed.value;
  for (const p of parsed.problems) ctx.addIssue(problemIssue(p.code, p.params, p.path));
  return z.NEVER;
});

/** `{ "rules": [ … ] }` and nothing else: the rules as sent (the application layer checks each). */
const rulesDocument = jsonDocument.transform((value, ctx) => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    ctx.addIssue(problemIssue("type", { expected: "object" }, "(document)"));
    return z.NEVER;
  }
  for (const field of Object.keys(value)) if (field !== "rules") ctx.addIssue(problemIssue("unknown-field", { field }, field));
  if (!("rules" in value)) ctx.addIssue(problemIssue("required", {}, "rules"));
  return (value as { rules?: unknown }).rules;
});

/** `?columns=` as a ColumnMapping: a JSON object from field to the header of its column; absent or blank: null (remembered, else suggested). */
const columnsParam = z
  .string()
  .max(20_000)
  .optional()
  .transform((text, ctx): ColumnMapping | null => {
    if (text === undefined || text.trim() === "") return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ctx.addIssue(problemIssue("json", { detail: "syntax error" }, "columns"));
      return z.NEVER;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      ctx.addIssue(problemIssue("type", { expected: "object" }, "columns"));
      return z.NEVER;
    }
    const mapping: ColumnMapping = {};
    for (const [field, header] of Object.entries(value)) {
      if (!(LEDGER_FIELDS as readonly string[]).includes(field)) ctx.addIssue(problemIssue("unknown-field", { field }, `columns.${field}`));
      else if (typeof header !== "string") ctx.addIssue(problemIssue("type", { expected: "string" }, `columns.${field}`));
      else if (header.trim() !== "") mapping[field as LedgerField] = header;
    }
    return mapping;
  });

/** A file's name as kept: its last path segment. */
const fileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .transform((name) => name.split(/[\\/]/).pop()!.trim() || name)
  .optional();

const ledgerStream = z.custom<LedgerUpload>(isLedgerUpload);
const defaultName = (upload: LedgerUpload) => (upload.kind === "xlsx" ? "ledger.xlsx" : "ledger.csv");
const ifMatch = z.object({ "if-match": ifMatchVersion });
const noContent = { send: (_none: unknown, _req: unknown, res: Response) => void res.status(204).end() };

const importHref = (id: string) => climateHref(`ledgers/${encodeURIComponent(id)}`);
const importJson = (summary: ImportSummary) => ({ ...summary, href: importHref(summary.importId) });

export function climateApiRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  // The climate plan: baseline, target path, neutrality year, compensation price; each save a new version.
  router.get(
    "/climate/plan",
    handler({
      input: noInput,
      permission: "climate.read",
      call: async (app, principal) => {
        const plan = await app.climate.plan(principal);
        if (plan === null) throw noPlan();
        return { plan, targets: app.climate.targets(plan.document) };
      },
      respond: { json: ({ plan, targets }) => planJson(plan, targets), headers: ({ plan }) => ({ ETag: etagOf(plan.version) }) },
    }),
  );

  router.get(
    "/climate/plan/versions",
    handler({
      input: noInput,
      permission: "climate.read",
      call: (app, principal) => app.climate.planVersions(principal),
      respond: { json: (versions) => ({ versions: versions.map(planVersionSummaryJson) }) },
    }),
  );

  router.get(
    "/climate/plan/versions/:version",
    handler({
      input: z.object({ params: z.object({ version: z.string() }) }),
      permission: "climate.read",
      // Anything but a whole number names no version: 404, as for an id that names nothing.
      call: async (app, principal, { params }) => {
        const plan = await app.climate.planVersion(principal, /^\d{1,9}$/.test(params.version) ? Number(params.version) : Number.NaN);
        return { plan, targets: app.climate.targets(plan.document) };
      },
      respond: { json: ({ plan, targets }) => planJson(plan, targets), headers: ({ plan }) => ({ ETag: etagOf(plan.version) }) },
    }),
  );

  router.put(
    "/climate/plan",
    jsonBody,
    handler({
      input: z.object({ headers: ifMatch, body: jsonDocument }),
      permission: "climate.plan",
      call: async (app, principal, { headers, body }) => {
        // Without If-Match the save goes on top of whatever is newest (someone saving at the same moment still gets 409).
        const expected = headers["if-match"] ?? (await app.climate.plan(principal))?.version ?? 0;
        const saved = await app.climate.savePlan(principal, body, expected).catch(staleAs("climateApi.planConflict"));
        return { plan: saved, targets: app.climate.targets(saved.document) };
      },
      respond: { json: ({ plan, targets }) => planJson(plan, targets), headers: ({ plan }) => ({ ETag: etagOf(plan.version) }) },
    }),
  );

  // The decisions register.
  router.get(
    "/climate/decisions",
    handler({
      input: noInput,
      permission: "climate.read",
      call: (app, principal) => app.decisions.list(principal),
      respond: { json: (decisions) => ({ decisions: decisions.map(decisionJson) }) },
    }),
  );

  router.get(
    "/climate/decisions/:id",
    handler({
      input: idParam,
      permission: "climate.read",
      call: (app, principal, { params }) => app.decisions.get(principal, params.id),
      respond: { json: decisionJson },
    }),
  );

  router.post(
    "/climate/decisions",
    jsonBody,
    handler({
      input: z.object({ body: jsonDocument }),
      permission: "decision.create",
      call: (app, principal, { body }) => {
        // A decision without its case is a missing field, not a case that was not found.
        const caseId = typeof body === "object" && body !== null ? (body as { caseId?: unknown }).caseId : undefined;
        if (caseId === undefined || caseId === "") throw new InvalidInputError([{ path: "caseId", code: "required", params: {} }]);
        return app.decisions.record(principal, body);
      },
      respond: { status: 201, json: decisionJson, headers: (d) => ({ Location: decisionHref(d.id) }) },
    }),
  );

  router.delete(
    "/climate/decisions/:id",
    handler({
      input: idParam,
      permission: "decision.delete",
      call: (app, principal, { params }) => app.decisions.remove(principal, params.id),
      respond: noContent,
    }),
  );

  // Ledgers: imports streamed in, listed, removed; the inspection of a file's head.
  router.get(
    "/climate/ledgers",
    handler({
      input: noInput,
      permission: "climate.read",
      call: (app, principal) => app.ledgers.list(principal),
      respond: { json: (imports) => ({ imports: imports.map(importJson) }) },
    }),
  );

  router.get(
    "/climate/ledgers/:id",
    handler({
      input: idParam,
      permission: "climate.read",
      call: async (app, principal, { params }) => {
        const found = (await app.ledgers.list(principal)).find((summary) => summary.importId === params.id);
        if (!found) throw new NotFoundError();
        return found;
      },
      respond: { json: importJson },
    }),
  );

  router.post(
    "/climate/ledgers/inspect",
    ledgerBody,
    handler({
      input: z.object({ query: z.object({ name: fileName }), body: ledgerStream }),
      permission: "ledger.import",
      call: async (app, principal, { query, body }) => app.ledgers.inspect(principal, query.name ?? defaultName(body), await body.head(LEDGER_HEAD_BYTES)),
      respond: {
        send: (found, req, res) => {
          closeUnlessRead(req, res);
          res.json(found);
        },
      },
    }),
  );

  router.post(
    "/climate/ledgers",
    ledgerBody,
    handler({
      input: z.object({ query: z.object({ name: fileName, columns: columnsParam }), body: ledgerStream }),
      permission: "ledger.import",
      call: (app, principal, { query, body }) => app.ledgers.import(principal, { fileName: query.name ?? defaultName(body), source: body.chunks, bytesTotal: body.bytesTotal, columns: query.columns }),
      respond: { status: 201, json: importJson, headers: (summary) => ({ Location: importHref(summary.importId) }) },
    }),
  );

  router.delete(
    "/climate/ledgers/:id",
    handler({
      input: idParam,
      permission: "ledger.delete",
      call: (app, principal, { params }) => app.ledgers.remove(principal, params.id),
      respond: noContent,
    }),
  );

  // The mapping of accounts to spend factors: the shipped default and the adviser's rules.
  router.get(
    "/climate/mapping",
    handler({
      input: noInput,
      permission: "climate.read",
      call: (app, principal) => app.ledgers.mapping(principal),
      respond: { json: (mapping) => ({ version: mapping.version, rules: mapping.rules, defaults: mapping.defaults }), headers: (mapping) => ({ ETag: etagOf(mapping.version) }) },
    }),
  );

  router.put(
    "/climate/mapping",
    jsonBody,
    handler({
      input: z.object({ headers: ifMatch, body: rulesDocument }),
      permission: "mapping.update",
      call: async (app, principal, { headers, body }) => {
        const expected = headers["if-match"] ?? (await app.ledgers.mapping(principal)).version;
        return app.ledgers.saveMapping(principal, body, expected).catch(staleAs("climateApi.mappingConflict"));
      },
      respond: { json: ({ version }) => ({ version, href: climateHref("mapping") }), headers: ({ version }) => ({ ETag: etagOf(version) }) },
    }),
  );

  // What the figures say: the screening of the imported lines, and the dashboard.
  router.get(
    "/climate/screening",
    handler({
      input: noInput,
      permission: "climate.read",
      call: async (app, principal) => {
        const screening = await app.ledgers.screening(principal);
        if (screening === null) throw noLedger();
        return screening;
      },
      respond: { json: screeningJson },
    }),
  );

  router.get(
    "/climate/dashboard",
    handler({
      input: noInput,
      permission: "climate.read",
      call: (app, principal) => app.climate.dashboard(principal),
      respond: { json: ({ figures, targets }) => ({ figures: dashboardFiguresJson(figures), targets: targets.map((t) => ({ year: t.year, tonnes: jsonNumber(t.tonnes) })) }) },
    }),
  );

  router.use(refusals);
  return router;
}
