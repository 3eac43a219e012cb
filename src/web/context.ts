/** What every route module receives: the use cases, the store, the factor library, rendering and session saving. */
import type { Request, Response } from "express";
import type { Application } from "../app/application.js";
import type { FactorLibrary } from "../factors/factor-set.js";
import type { EvaluationPool } from "../pool/evaluation-pool.js";
import type { Store } from "../store/store.js";
import type { Logger } from "./logger.js";
import type { Render } from "./page.js";
import type { SessionOptions } from "./session.js";

/** Renders a page to PDF as the user who asked (`cookies`: their session, so the page is theirs to see); `signal` aborts a request still waiting for its turn. */
/** `footer`: Chromium's footer template (HTML; spans of class pageNumber and totalPages are filled in per page). */
export type PdfRenderer = { render(url: string, options?: { signal?: AbortSignal; cookies?: { name: string; value: string }[]; footer?: string }): Promise<Buffer>; close(): Promise<void> };

export type AppContext = {
  store: Store;
  /** The use cases every route calls (src/app): permissions, the organisation's scope and the audit trail live there. */
  app: Application;
  library: FactorLibrary;
  render: Render;
  saveSession(req: Request, res: Response): Promise<void>;
  /** The CSRF token this request's forms carry (the session's, or a visitor's double-submit cookie). */
  csrfToken(req: Request, res: Response): string;
  sessionOptions: SessionOptions;
  /** Origin the server can reach itself on, for rendering the print view to PDF. */
  selfOrigin(): string;
  pdf: PdfRenderer;
  /** Every check and evaluation a request causes runs here, off the event loop. */
  pool: EvaluationPool;
  /** Bound of the evaluation cache of stored cases, in estimated bytes of heap (src/web/evaluation.ts). */
  evaluationCacheBytes: number;
  /** The server's log (pino): log chosen fields with the request id, never a request, header or body whole. */
  logger: Logger;
  /** The identity provider's name on the login page's button, when one is configured (oidc/settings.ts). */
  oidcProvider?: string;
};
