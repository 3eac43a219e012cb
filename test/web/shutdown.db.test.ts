/**
 * Graceful shutdown of the real server process (dist/server.js on SQLite in
 * a temp DATA_DIR): after SIGTERM it takes no new connection, answers the
 * request in progress in full, closes and exits 0; a request that never
 * ends is cut off after SHUTDOWN_GRACE_SECONDS; SIGINT does the same.
 */
import { request, type ClientRequest } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_ADMIN_EMAIL } from "../../src/app/first-start.js";
import { tokenUseCases } from "../../src/app/tokens.js";
import { EXAMPLES_DIR } from "../../src/examples.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";

const body = readFileSync(join(EXAMPLES_DIR, "gatelys.json"));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: ServerProcess | undefined;
let dataDir = "";
afterEach(async () => {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

let token = "";

/** The server on a new DATA_DIR, and an API token of its administrator (made in the database beside it). */
async function start(env: Record<string, string> = {}): Promise<ServerProcess> {
  dataDir = mkdtempSync(join(tmpdir(), "kalkyle-shutdown-"));
  server = await startServerProcess({ DATA_DIR: dataDir, KALKYLE_ADMIN_PASSWORD: "et-passord-for-nedstengning", ...env });
  const store = openSqliteStore(join(dataDir, "kalkyle.db"));
  try {
    const admin = (await store.accounts.userByEmail(DEFAULT_ADMIN_EMAIL))!;
    const [membership] = await store.accounts.memberships(admin.id);
    token = (await tokenUseCases({ store }).create({ userId: admin.id, organisationId: membership!.organisationId, role: membership!.role, via: "cli" }, { name: "test" })).secret;
  } finally {
    await store.close();
  }
  return server;
}

/** POST /api/v1/evaluate with only the first half of the body sent; `finish()` sends the rest. */
function halfSentEvaluation(url: string): { req: ClientRequest; finish(): void; answer: Promise<{ status: number; text: string }> } {
  const req = request(`${url}/api/v1/evaluate`, { method: "POST", headers: { "content-type": "application/json", "content-length": body.length, authorization: `Bearer ${token}` } });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, text }));
    });
    req.on("error", reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.subarray(0, half));
  return { req, finish: () => req.end(body.subarray(half)), answer };
}

const refused = (url: string) =>
  fetch(`${url}/healthz`).then(
    () => false,
    () => true,
  );

describe("graceful shutdown", () => {
  it("SIGTERM: no new connections, the request in progress is answered in full, then exit 0 within seconds", async () => {
    const { url, child, exited, log } = await start();
    const evaluation = halfSentEvaluation(url);
    await sleep(300);
    const signalled = performance.now();
    child.kill("SIGTERM");
    await sleep(300);
    expect(await refused(url)).toBe(true);
    expect(child.exitCode).toBeNull();

    evaluation.finish();
    const answer = await evaluation.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ schema: "kalkyle.result/1" });

    expect(await exited).toEqual({ code: 0, signal: null });
    expect(performance.now() - signalled).toBeLessThan(5_000);
    const messages = log.map((line) => line.msg);
    expect(messages).toContain("stopping: no new connections, waiting for the requests in progress");
    expect(messages.at(-1)).toBe("Kalkyle stopped");
    expect(log.find((line) => line.path === "/api/v1/evaluate")).toMatchObject({ status: 200, method: "POST" });
    expect(server!.stderr()).toBe("");
  });

  it("a request that never ends is cut off after SHUTDOWN_GRACE_SECONDS, and the process still exits 0", async () => {
    const { url, child, exited, log } = await start({ SHUTDOWN_GRACE_SECONDS: "1" });
    const stuck = halfSentEvaluation(url);
    const cut = stuck.answer.then(
      () => "answered",
      () => "cut off",
    );
    await sleep(300);
    const signalled = performance.now();
    child.kill("SIGTERM");
    expect(await exited).toEqual({ code: 0, signal: null });
    const took = performance.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(950);
    expect(took).toBeLessThan(4_000);
    expect(await cut).toBe("cut off");
    expect(log.map((line) => line.msg)).toContain("requests still in progress after the grace period: closing their connections");
  });

  it("SIGINT (Ctrl-C) stops an idle server the same way, at once", async () => {
    const { url, child, exited } = await start();
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const signalled = performance.now();
    child.kill("SIGINT");
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(performance.now() - signalled).toBeLessThan(3_000);
  });
});
