/**
 * The few typed errors the web layer raises, and the one handler that turns
 * any error into a page or a JSON body with a public message only: never a
 * stack trace, never a file path.
 */
import type { ErrorRequestHandler } from "express";
import type { Problem } from "../case/messages.js";
import { problemMessage } from "../case/messages.js";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, PasswordRefusedError, ThrottledError, UnauthenticatedError } from "../app/errors.js";
import { PoolBusyError } from "../pool/evaluation-pool.js";
import { storeFailureOf } from "../store/errors.js";
import { apiLang } from "./api/lang.js";
import { pickLang, translateKey } from "./i18n/catalog.js";
import type { Logger } from "./logger.js";
import { langOf, renderPage } from "./page.js";
import { errorPageModel } from "./view-models/error-page.js";
import type { ViewEngine } from "./views.js";

/** What an error page may say besides its message: a 413's limit in bytes, a way back to the form that was sent. */
export type ErrorDetail = { limitBytes?: number; back?: { href: string; labelKey: string } };

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503,
    readonly key: string,
    readonly problems: Problem[] = [],
    readonly detail: ErrorDetail = {},
  ) {
    super(key);
  }
}

export const notFound = () => new HttpError(404, "error.notFound");

const KEY_BY_STATUS: Record<number, string> = { 400: "error.generic", 403: "error.forbidden", 404: "error.notFound", 409: "error.conflict", 413: "error.tooLarge", 503: "error.unavailable" };

/** The application layer's refusals (src/app/errors.ts) as a status and a message key. */
function classifyRefusal(error: unknown): { status: number; key: string; problems: Problem[] } | null {
  if (error instanceof UnauthenticatedError) return { status: 401, key: "error.unauthenticated", problems: [] };
  if (error instanceof ForbiddenError) return { status: 403, key: "error.notAllowed", problems: [] };
  if (error instanceof NotFoundError) return { status: 404, key: "error.notFound", problems: [] };
  if (error instanceof ConflictError) return { status: 409, key: error.reason === "version" ? "error.conflict" : `error.${error.reason}`, problems: [] };
  if (error instanceof InvalidInputError) return { status: error.tooLarge ? 413 : 400, key: error.tooLarge ? "error.tooLarge" : "error.generic", problems: error.problems };
  if (error instanceof ThrottledError) return { status: 429, key: "error.throttled", problems: [] };
  if (error instanceof PasswordRefusedError) return { status: 400, key: `password.${error.problem}`, problems: [] };
  return null;
}

/** What the error page may add: an HttpError's own detail, or body-parser's limit (bytes) when it refused a body. */
function detailOf(error: unknown): ErrorDetail {
  if (error instanceof HttpError) return error.detail;
  const limit = (error as { type?: string; limit?: unknown } | null)?.limit;
  return (error as { type?: string } | null)?.type === "entity.too.large" && typeof limit === "number" ? { limitBytes: limit } : {};
}

/** Status and message key for anything thrown: ours, the application layer's, body-parser's, csrf-sync's, the store's (SQLite or PostgreSQL). */
export function classify(error: unknown): { status: number; key: string; problems: Problem[] } {
  if (error instanceof HttpError) return { status: error.status, key: error.key, problems: error.problems };
  const refusal = classifyRefusal(error);
  if (refusal) return refusal;
  if (error instanceof PoolBusyError) return { status: 503, key: "error.busy", problems: [] };
  const e = error as { status?: number; statusCode?: number; type?: string; code?: string };
  const status = e.status ?? e.statusCode;
  if (e.type === "entity.too.large" || e.code === "LIMIT_FILE_SIZE" || e.code === "LIMIT_FIELD_VALUE") return { status: 413, key: "error.tooLarge", problems: [] };
  if (e.type === "entity.parse.failed") return { status: 400, key: "error.generic", problems: [{ path: "(document)", code: "json", params: { detail: "syntax error" } }] };
  // Another writer committed first: a version conflict, whatever the store, never "busy"; a database that cannot take the request: 503.
  const failure = storeFailureOf(error);
  if (failure === "conflict") return { status: 409, key: "error.conflict", problems: [] };
  if (failure === "unavailable") return { status: 503, key: "error.unavailable", problems: [] };
  if (status !== undefined && status >= 400 && status < 500) return { status, key: KEY_BY_STATUS[status] ?? "error.generic", problems: [] };
  return { status: 500, key: "error.generic", problems: [] };
}

export function errorHandler(views: ViewEngine, logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const { status, key, problems } = classify(error);
    if (status >= 500) logger.error({ requestId: res.locals.requestId, status }, String((error as Error)?.message ?? error));
    if (res.headersSent) return void res.end();
    res.status(status);
    if (status === 503) res.set("Retry-After", key === "error.busy" ? "5" : "30");
    if (error instanceof ThrottledError) res.set("Retry-After", String(error.retryAfterSeconds));
    // JSON under /api/, and for a client that asks for JSON rather than a page (a script fetching a download).
    if (req.path.startsWith("/api/") || req.accepts(["html", "json"]) === "json") {
      const lang = pickLang(req.query?.lang) ?? req.session?.lang ?? apiLang(req);
      res.json({ errors: problems.length > 0 ? problems.map((p) => ({ path: p.path, code: p.code, message: problemMessage(p, lang) })) : [{ path: "(request)", code: key, message: translateKey(lang, key) }] });
      return;
    }
    const lang = langOf(req);
    const { limitBytes, back } = detailOf(error);
    const model = errorPageModel({ status, message: translateKey(lang, key), problems: problems.map((p) => ({ path: p.path, message: problemMessage(p, lang) })), lang, asked: req.originalUrl, limitBytes, back: back && { href: back.href, label: translateKey(lang, back.labelKey) } });
    res.type("html").send(renderPage(views, req, res, "error", model));
  };
}
