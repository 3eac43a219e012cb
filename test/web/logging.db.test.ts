import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Router } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import { createApp } from "../../src/web/app.js";
import { createLogger, logLevelOf } from "../../src/web/logger.js";
import { apiRoutes } from "../../src/web/routes/api.js";
import { chromiumPdfRenderer } from "../../src/web/pdf.js";

/** Every line the log writes, as written (pino writes one line per call, newline included). */
const lines: string[] = [];
const logger = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
const dir = mkdtempSync(join(tmpdir(), "kalkyle-log-"));
const store = openSqliteStore(join(dir, "k.db"));
let url = "";
let close: () => void;

/** Stand-ins for what later routes do: a signed-in user (the accounts work sets res.locals.userId), and a failure. */
const probes = () =>
  Router()
    .get("/as-user", (_req, res) => {
      res.locals.userId = "user-42";
      res.send("ok");
    })
    .get("/fails", () => {
      throw new Error("the disk said no\nfake line injected");
    });

beforeAll(async () => {
  const pdf = chromiumPdfRenderer();
  const { app, close: closeApp } = createApp({ store, library: loadFactorLibrary(), pdf, logger }, { api: [apiRoutes], beforeCsrf: [probes] });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => {
    server.close();
    void closeApp();
  };
});
afterAll(async () => {
  close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const parsed = (written: string[]) => written.map((line) => JSON.parse(line) as Record<string, unknown>);

describe("request log", () => {
  it("writes one JSON line per request with a request id, and no cookie, query, token or injected line", async () => {
    const before = lines.length;
    await fetch(`${url}/?q=secret-search`, { headers: { cookie: "kalkyle_sid=topsecretcookievalue" }, redirect: "manual" }).then((r) => r.text());
    await fetch(`${url}/cases/x%0D%0Afake%20line%20injected`, { redirect: "manual" }).then((r) => r.text());
    await fetch(`${url}/api/v1/cases?q=secret-api-search`, { headers: { authorization: "Bearer topsecrettokenvalue" } }).then((r) => r.text());
    const written = lines.slice(before);
    expect(written).toHaveLength(3);
    for (const line of written) {
      expect(line.endsWith("\n")).toBe(true);
      expect(line.slice(0, -1).split("\n")).toHaveLength(1);
    }
    for (const line of parsed(written)) {
      expect(line).toMatchObject({ level: "info", method: "GET" });
      expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(line).not.toHaveProperty("userId");
    }
    const text = written.join("");
    for (const secret of ["topsecretcookievalue", "secret-search", "secret-api-search", "topsecrettokenvalue"]) expect(text).not.toContain(secret);
    // without a session or a real token: the login page for pages, 401 for the API
    expect(parsed(written).map((l) => [l.path, l.status])).toEqual([
      ["/", 303],
      ["/cases/x%0D%0Afake%20line%20injected", 303],
      ["/api/v1/cases", 401],
    ]);
  });

  it("gives the signed-in user's id when a route has set it", async () => {
    const before = lines.length;
    await fetch(`${url}/as-user`).then((r) => r.text());
    expect(parsed(lines.slice(before))).toEqual([expect.objectContaining({ path: "/as-user", userId: "user-42", status: 200 })]);
  });

  it("logs a server error at level error with the request's id, on one line, and the client sees no message", async () => {
    const before = lines.length;
    const res = await fetch(`${url}/fails`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("disk");
    const written = lines.slice(before);
    expect(written.every((line) => line.slice(0, -1).split("\n").length === 1)).toBe(true);
    const [error, request] = parsed(written);
    expect(error).toMatchObject({ level: "error", status: 500, msg: "the disk said no\nfake line injected" });
    expect(request).toMatchObject({ level: "info", path: "/fails", status: 500, requestId: error!.requestId });
  });
});

describe("the logger", () => {
  it("removes passwords, tokens, cookies, headers and queries wherever a caller passes them", () => {
    const before = lines.length;
    logger.info({ password: "hunter2", user: { newPassword: "hunter3", token: "t0k3n" }, cookie: "sid=1", headers: { authorization: "Bearer x" }, query: { q: "x" }, caseId: "kept" }, "changed");
    const [line] = parsed(lines.slice(before));
    expect(line).toMatchObject({ level: "info", msg: "changed", caseId: "kept", user: {} });
    for (const key of ["password", "cookie", "headers", "query"]) expect(line).not.toHaveProperty(key);
    expect(lines.at(-1)).not.toMatch(/hunter|t0k3n|Bearer|sid=1/);
  });

  it("takes its level from LOG_LEVEL, info by default, and names the levels for a wrong one", () => {
    expect(logLevelOf({})).toBe("info");
    expect(logLevelOf({ LOG_LEVEL: " WARN " })).toBe("warn");
    expect(() => logLevelOf({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
  });
});
