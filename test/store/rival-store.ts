/**
 * Worker for the two-writer store test: its own store instance (its own
 * connection) on the test's SQLite file; on each message it updates the
 * case, signals, and posts what the store answered (or the error code).
 */
import { parentPort, workerData } from "node:worker_threads";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import { testCases } from "../support/test-organisation.js";
import { signalDone } from "./rival.js";

type Update = { id: string; document: Record<string, unknown>; expectedVersion?: number };

const { file, flag } = workerData as { file: string; flag: Int32Array };
const store = openSqliteStore(file);
const cases = await testCases(store);
const port = parentPort!;

port.on("message", async (message: Update | "close") => {
  if (message === "close") {
    await store.close();
    port.close();
    return;
  }
  let outcome: unknown;
  try {
    const saved = await cases.update(message.id, message.document, message.expectedVersion);
    outcome = saved.ok ? { ok: true, version: saved.saved.version } : saved;
  } catch (error) {
    outcome = { error: (error as { code?: string }).code ?? String(error) };
  }
  signalDone(flag);
  port.postMessage(outcome);
});
port.postMessage({ ready: true });
