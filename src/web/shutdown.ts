/**
 * Graceful shutdown on SIGTERM (a service manager, a container runtime, a
 * deploy) and SIGINT (Ctrl-C): stop accepting connections, let the
 * requests in progress finish for at most the grace period, then close
 * every connection still open, close the resources in order (PDF renderer,
 * evaluation pool, store) and exit 0. A second signal exits at once with 1.
 *
 * Example: stopOnSignals({ server, logger, graceMs: 10_000, resources: [pdf.close, closeApp, store.close] })
 */
import type { Server } from "node:http";
import type { Logger } from "./logger.js";

/** How long requests in progress may take to finish after the signal, unless SHUTDOWN_GRACE_SECONDS says otherwise. */
export const DEFAULT_GRACE_MS = 10_000;
/** How long closing the resources may take after the grace period before the process gives up on them. */
const CLOSE_LIMIT_MS = 5_000;

export function graceMsOf(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.SHUTDOWN_GRACE_SECONDS?.trim();
  if (!text) return DEFAULT_GRACE_MS;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`SHUTDOWN_GRACE_SECONDS must be a number of seconds, 0 or more; it is ${JSON.stringify(env.SHUTDOWN_GRACE_SECONDS)}`);
  return seconds * 1000;
}

export type ShutdownOptions = {
  server: Server;
  logger: Logger;
  graceMs: number;
  /** Closed one after the other, in this order, once no request is left. */
  resources: (() => Promise<void>)[];
  exit?: (code: number) => void;
};

/** Stops the server: resolves once every request has finished (or was cut off at the grace period) and every resource is closed. */
export async function stopServer({ server, logger, graceMs, resources }: Omit<ShutdownOptions, "exit">): Promise<void> {
  const started = Date.now();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A kept-alive connection is closed as soon as its request is answered, so it cannot hold the close up.
  server.closeIdleConnections();
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  const cutOff = setTimeout(() => {
    logger.warn({ graceMs }, "requests still in progress after the grace period: closing their connections");
    server.closeAllConnections();
  }, graceMs);
  try {
    await closed;
  } finally {
    clearInterval(idle);
    clearTimeout(cutOff);
  }
  for (const close of resources) await close();
  logger.info({ ms: Date.now() - started }, "Kalkyle stopped");
}

export function stopOnSignals(options: ShutdownOptions): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.logger.warn({ signal }, "second signal while stopping: exiting now");
      return exit(1);
    }
    stopping = true;
    options.logger.info({ signal, graceMs: options.graceMs }, "stopping: no new connections, waiting for the requests in progress");
    setTimeout(() => {
      options.logger.error("the resources did not close in time: exiting");
      exit(1);
    }, options.graceMs + CLOSE_LIMIT_MS).unref();
    stopServer(options).then(
      () => exit(0),
      (error: unknown) => {
        options.logger.error({ err: error }, "stopping failed");
        exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
