/** What every route module receives: the store, the factor library, rendering and session saving. */
import type { Request, Response } from "express";
import type { FactorLibrary } from "../factors/factor-set.js";
import type { EvaluationPool } from "../pool/evaluation-pool.js";
import type { Store } from "../store/store.js";
import type { Logger } from "./logger.js";
import type { Render } from "./page.js";
import type { SessionOptions } from "./session.js";

/** Renders a page to PDF; `signal` aborts a request still waiting for its turn. */
export type PdfRenderer = { render(url: string, options?: { signal?: AbortSignal }): Promise<Buffer>; close(): Promise<void> };

export type AppContext = {
  store: Store;
  library: FactorLibrary;
  render: Render;
  saveSession(req: Request, res: Response): Promise<void>;
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
};
