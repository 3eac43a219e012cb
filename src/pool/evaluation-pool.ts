/**
 * Checks and evaluations off the event loop: a piscina pool of worker
 * threads, each with the factor library loaded once. A task that runs past
 * its time limit is stopped (its thread is terminated and replaced) and
 * answered with a problem in words; a full queue is refused at once, so a
 * burst of heavy requests waits in a bounded line, never an endless one.
 * See docs/decisions.md ("Evaluations in worker threads").
 */
import { availableParallelism } from "node:os";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { Evaluation } from "../case/evaluate-document.js";
import { decodeEvaluation } from "../case/evaluation-codec.js";
import type { FinanceRequest, FinanceView } from "../case/finance-view.js";
import type { Problem } from "../case/messages.js";
import type { FactorLibrary } from "../factors/factor-set.js";
import type { UncertaintyOptions } from "../case/uncertainty-bounds.js";
import type { ResultAnswer, Task, TaskKind } from "./evaluation-worker.js";

export type PoolOptions = {
  /** Worker threads; default one fewer than the cores, at least one (the server's own thread keeps one). */
  threads?: number;
  /** Longest a task may run once a thread has taken it. */
  timeLimitMs?: number;
  /** Tasks that may wait for a thread; more are refused (PoolBusyError). */
  maxQueue?: number;
};

export const DEFAULT_TIME_LIMIT_MS = 20_000;
export const DEFAULT_MAX_QUEUE = 64;

/** The queue is full: the caller answers "busy, try again shortly". */
export class PoolBusyError extends Error {
  constructor() {
    super("evaluation queue is full");
  }
}

export type CheckOutcome = { ok: true } | { ok: false; problems: Problem[] };
/** The result document's JSON text, ready to send, or every problem. */
export type ResultOutcome = ResultAnswer;
/** The finance page's figures (finance-view.ts), or every problem (a case that no longer checks, the time limit). */
export type FinanceOutcome = { ok: true; view: FinanceView } | { ok: false; problems: Problem[] };

/**
 * Each method takes the parsed document, or the bytes of its JSON text (a
 * Uint8Array, such as an API body): those are parsed in the worker, so a
 * hostile document costs the server's thread nothing but reading it.
 */
export type EvaluationPool = {
  /** Schema, budget and factor checks only: is the document a valid case? */
  check(document: unknown): Promise<CheckOutcome>;
  /** The result document (`kalkyle.result/1`) as JSON text, or every problem; with `uncertainty`, its Monte Carlo block too. */
  result(document: unknown, options?: { uncertainty?: UncertaintyOptions }): Promise<ResultOutcome>;
  /** The whole evaluation, for pages and exports, with `bytes` its size as sent (a measure of its size in memory). */
  evaluate(document: unknown): Promise<{ evaluation: Evaluation; bytes: number }>;
  /** The finance view of the case (cash flows, measures, sensitivity, Monte Carlo), worked out in the worker under the time limit. */
  finance(document: unknown, request: FinanceRequest): Promise<FinanceOutcome>;
  close(): Promise<void>;
};

/** Under tsx (development and tests) the worker is TypeScript and needs tsx's loader too. */
function workerFile(): { filename: string; execArgv: string[] } {
  const here = import.meta.url;
  // tsx may add a query to the URL (tsImport does), so the path decides
  if (new URL(here).pathname.endsWith(".ts")) return { filename: new URL("./evaluation-worker.ts", here).href, execArgv: ["--import", "tsx"] };
  return { filename: new URL("./evaluation-worker.js", here).href, execArgv: [] };
}

export function createEvaluationPool(library: FactorLibrary, options: PoolOptions = {}): EvaluationPool {
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  const { filename, execArgv } = workerFile();
  const pool = new Piscina({
    filename,
    execArgv,
    workerData: { factorRoot: library.root },
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
    maxQueue: options.maxQueue ?? DEFAULT_MAX_QUEUE,
  });
  const timeLimitProblem: Problem = { path: "(document)", code: "time-limit", params: { seconds: String(Math.round(timeLimitMs / 1000)) } };

  async function run(kind: TaskKind, document: unknown, finance?: FinanceRequest, uncertainty?: UncertaintyOptions): Promise<{ ok: false; problems: Problem[] } | { ok: true; answer: unknown }> {
    const abort = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    port1.once("message", () => {
      timer = setTimeout(() => abort.abort(), timeLimitMs);
    });
    try {
      const task: Task = { kind, document, started: port2, ...(finance ? { finance } : {}), ...(uncertainty ? { uncertainty } : {}) };
      return { ok: true, answer: await pool.run(task, { transferList: [port2], signal: abort.signal }) };
    } catch (error) {
      if (abort.signal.aborted) return { ok: false, problems: [timeLimitProblem] };
      if (/queue is at limit/i.test(String((error as Error)?.message))) throw new PoolBusyError();
      throw error;
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  return {
    async check(document) {
      const outcome = await run("check", document);
      return outcome.ok ? (JSON.parse(outcome.answer as string) as CheckOutcome) : outcome;
    },
    async result(document, options = {}) {
      const outcome = await run("result", document, undefined, options.uncertainty);
      return outcome.ok ? (outcome.answer as ResultOutcome) : outcome;
    },
    async evaluate(document) {
      const outcome = await run("evaluate", document);
      if (!outcome.ok) return { evaluation: outcome, bytes: 0 };
      const text = outcome.answer as string;
      return { evaluation: decodeEvaluation<Evaluation>(text, library), bytes: text.length };
    },
    async finance(document, request) {
      const outcome = await run("finance", document, request);
      return outcome.ok ? decodeEvaluation<FinanceOutcome>(outcome.answer as string, library) : outcome;
    },
    async close() {
      await pool.destroy();
    },
  };
}

