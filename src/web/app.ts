/**
 * The Express application: security headers, body limits, sessions, CSRF,
 * static files, the HTML routes and the JSON API, and one error handler.
 * Route handlers read input, call a use case of the application layer
 * (src/app), build a view model and render; nothing here does arithmetic.
 */
import express, { type Express } from "express";
import { randomUUID } from "node:crypto";
import type { FactorLibrary } from "../factors/factor-set.js";
import { createEvaluationPool, type EvaluationPool } from "../pool/evaluation-pool.js";
import type { Store } from "../store/store.js";
import type { AppContext, PdfRenderer } from "./context.js";
import { classify, errorHandler, notFound } from "./errors.js";
import { formBody, refuseTooLargeForm } from "./form-body.js";
import { EVALUATION_CACHE_BYTES } from "./evaluation.js";
import { createLogger, type Logger } from "./logger.js";
import { makeRender } from "./page.js";
import { caseListRoutes } from "./routes/cases.js";
import { healthRoutes } from "./routes/health.js";
import { langRoutes } from "./routes/lang.js";
import { createApplication } from "../app/application.js";
import { requireLogin } from "./auth.js";
import { loginRoutes } from "./routes/login.js";
import { oidcRoutes } from "./routes/oidc.js";
import type { OidcSettings } from "./oidc/settings.js";
import { csrfProtection, csrfTokenFor, securityHeaders } from "./security.js";
import { saveSession, sessionMiddleware, type SessionOptions } from "./session.js";
import { staticFiles } from "./static-files.js";
import { createViewEngine } from "./views.js";

export type AppOptions = {
  store: Store;
  library: FactorLibrary;
  pdf: PdfRenderer;
  /** Worker threads for checks and evaluations; by default a pool of its own, closed with the app. */
  pool?: EvaluationPool;
  /** The app is served over HTTPS: the session cookie is Secure and responses carry HSTS. */
  secureCookie?: boolean;
  /** Where the request log and errors are written; by default pino to standard output at LOG_LEVEL (logger.ts). */
  logger?: Logger;
  /**
   * TRUST_PROXY: a proxy in front sets X-Forwarded-For, so the client's address (login throttling) is read from it.
   * "1" or "true" trusts one hop; anything else is Express's "trust proxy" setting (addresses, "loopback", a count).
   * Unset, the header is ignored and the address is the socket's.
   */
  trustProxy?: string;
  /** Bound of the evaluation cache, in estimated bytes of heap; default EVALUATION_CACHE_BYTES. */
  evaluationCacheBytes?: number;
  /** The time sessions and login throttling reckon with (idle and absolute timeouts, the failure window); default the system clock. */
  clock?: () => Date;
  /** Sign-in with the municipality's identity provider (OIDC_* variables, oidc/settings.ts); none when undefined. */
  oidc?: OidcSettings;
};

/** Routes mounted by feature modules; each gets the shared context. */
type RouteModule = (ctx: AppContext) => express.Router;

export function createApp(options: AppOptions, extraRoutes: { api?: RouteModule[]; html?: RouteModule[]; beforeCsrf?: RouteModule[]; beforeLimits?: RouteModule[] } = {}): { app: Express; ctx: AppContext; setPort(port: number): void; close(): Promise<void> } {
  const app = express();
  const views = createViewEngine();
  const clock = options.clock;
  const sessionOptions: SessionOptions = { secureCookie: options.secureCookie ?? false, now: clock ? () => clock().getTime() : undefined };
  let port = 0;
  const logger = options.logger ?? createLogger();
  const pool = options.pool ?? createEvaluationPool(options.library);
  const ctx: AppContext = {
    store: options.store,
    app: createApplication({ store: options.store, pool, library: options.library }),
    library: options.library,
    render: makeRender(views),
    saveSession: (req, res) => saveSession(options.store.sessions, req, res, sessionOptions),
    csrfToken: (req, res) => csrfTokenFor(req, res, { secure: sessionOptions.secureCookie }),
    sessionOptions,
    selfOrigin: () => `http://127.0.0.1:${port}`,
    pdf: options.pdf,
    pool,
    evaluationCacheBytes: options.evaluationCacheBytes ?? EVALUATION_CACHE_BYTES,
    logger,
    oidcProvider: options.oidc?.displayName,
  };

  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", /^(1|true)$/i.test(options.trustProxy) ? 1 : /^\d+$/.test(options.trustProxy) ? Number(options.trustProxy) : options.trustProxy);
  // Pages are dynamic and small enough to send whole; hashing each one for an ETag costs more than it saves.
  app.set("etag", false);
  app.set("query parser", "simple");
  app.use((req, res, next) => {
    res.locals.requestId = randomUUID();
    res.locals.factorSetId = options.library.newest;
    const started = process.hrtime.bigint();
    // Read now: a router mounted under a prefix (/api/v1) strips it from req.path while its handler runs.
    const path = req.path;
    // One JSON line per request (UTC time, request id, the user's id once signed in); the path without its query, never a cookie or body.
    res.on("finish", () => logger.info({ requestId: res.locals.requestId, userId: res.locals.userId, method: req.method, path, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    next();
  });
  app.use(securityHeaders({ https: sessionOptions.secureCookie }));
  // Before sessions: a monitor's probe sets no cookie and writes nothing.
  app.use(healthRoutes(options.store));
  app.use(staticFiles());

  for (const module of extraRoutes.api ?? []) app.use("/api/v1", module(ctx));

  app.use(formBody());
  app.use(sessionMiddleware(options.store, sessionOptions));
  app.use((req, res, next) => {
    res.locals.csrfToken = () => ctx.csrfToken(req, res);
    next();
  });
  // A signed-in user's pages carry the session's CSRF token, made on the first page and kept in the session.
  app.use(async (req, res, next) => {
    if (req.method === "GET" && req.sessionId && !req.session.csrfToken) {
      ctx.csrfToken(req, res);
      try {
        await ctx.saveSession(req, res);
      } catch (error) {
        // A read-only or full database must not stop anyone reading; only the forms will refuse.
        if (classify(error).status !== 503) throw error;
        req.session.csrfToken = null;
      }
    }
    next();
  });
  // A form over the body limit: answered by a route that knows the form (beforeLimits), else 413.
  for (const module of extraRoutes.beforeLimits ?? []) app.use(module(ctx));
  app.use(refuseTooLargeForm());
  for (const module of extraRoutes.beforeCsrf ?? []) app.use(module(ctx));
  app.use(csrfProtection({ secure: sessionOptions.secureCookie }));
  app.use(langRoutes(ctx));
  app.use(loginRoutes(ctx));
  if (options.oidc) app.use(oidcRoutes(ctx, options.oidc));
  // Every page from here on is for signed-in users only.
  app.use(requireLogin());
  app.use(caseListRoutes(ctx));
  for (const module of extraRoutes.html ?? []) app.use(module(ctx));
  app.use(() => {
    throw notFound();
  });
  app.use(errorHandler(views, logger));
  return {
    app,
    ctx,
    setPort: (p) => (port = p),
    // The app's own pool is closed with it; a pool passed in belongs to the caller.
    close: async () => {
      if (!options.pool) await ctx.pool.close();
    },
  };
}
