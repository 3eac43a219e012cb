/**
 * Worker for the two-server tests: a second Kalkyle server (its own store
 * connection) on the test's data directory. On each message it sends the
 * request to itself, signals when the answer is in, and posts the status.
 */
import { parentPort, workerData } from "node:worker_threads";
import { signalDone } from "../store/rival.js";
import { startTestServer } from "./harness.js";

type Send = { method: string; path: string; headers: Record<string, string>; body?: string };

const { dir, flag } = workerData as { dir: string; flag: Int32Array };
const server = await startTestServer({ dir, seed: false });
const port = parentPort!;

port.on("message", async (message: Send | "close") => {
  if (message === "close") {
    await server.close({ keepData: true });
    port.close();
    return;
  }
  const res = await fetch(server.url + message.path, { method: message.method, headers: message.headers, body: message.body });
  const text = await res.text();
  signalDone(flag);
  port.postMessage({ status: res.status, text });
});
port.postMessage({ url: server.url });
