/**
 * A rival in another thread, for tests of two writers on one SQLite file:
 * `startRival(module, data)` runs a TypeScript module (through tsx) in a
 * worker thread. The rival signals on a shared flag when its write has
 * returned, so a test can hold a transaction open in this thread, let the
 * rival write, and wait for it without an event loop (Atomics.wait).
 */
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

export type Rival = {
  worker: Worker;
  /** Sends a request to the rival and waits up to `waitMs` (blocking this thread) for it to have answered. */
  actNow(message: unknown, waitMs: number): boolean;
  /** The next message the rival posts. */
  next<T>(): Promise<T>;
  close(): Promise<void>;
};

export async function startRival(module: URL, data: Record<string, unknown>): Promise<Rival & { ready: Record<string, unknown> }> {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const entry = fileURLToPath(module);
  const worker = new Worker(`import("tsx/esm/api").then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`, { eval: true, workerData: { ...data, flag } });
  const next = async <T>() => ((await once(worker, "message")) as [T])[0];
  const ready = await next<Record<string, unknown>>();
  return {
    worker,
    ready,
    actNow(message, waitMs) {
      Atomics.store(flag, 0, 0);
      worker.postMessage(message);
      return Atomics.wait(flag, 0, 0, waitMs) !== "timed-out";
    },
    next,
    async close() {
      worker.postMessage("close");
      await once(worker, "exit");
    },
  };
}

/** In the rival: tell the waiting thread that this write has returned. */
export function signalDone(flag: Int32Array): void {
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
