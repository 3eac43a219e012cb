import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import { createKalkyleApp } from "../../src/web/kalkyle-app.js";
import { chromiumPdfRenderer } from "../../src/web/pdf.js";

const lines: string[] = [];
const dir = mkdtempSync(join(tmpdir(), "kalkyle-log-"));
const store = openSqliteStore(join(dir, "k.db"));
let url = "";
let close: () => void;

beforeAll(async () => {
  const pdf = chromiumPdfRenderer();
  const { app, close: closeApp } = createKalkyleApp({ store, library: loadFactorLibrary(), pdf, log: (line) => lines.push(JSON.stringify({ time: new Date().toISOString(), ...line })) });
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

describe("request log", () => {
  it("writes one JSON line per request with a request id, and no cookie, query or injected line", async () => {
    const before = lines.length;
    await fetch(`${url}/?q=secret-search`, { headers: { cookie: "kalkyle_sid=topsecretcookievalue" } }).then((r) => r.text());
    await fetch(`${url}/cases/x%0D%0Afake%20line%20injected`).then((r) => r.text());
    const written = lines.slice(before);
    expect(written).toHaveLength(2);
    for (const line of written) {
      expect(line.split("\n")).toHaveLength(1);
      const parsed = JSON.parse(line);
      expect(parsed.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(parsed.time).toMatch(/Z$/);
    }
    expect(written.join("\n")).not.toContain("topsecretcookievalue");
    expect(written.join("\n")).not.toContain("secret-search");
    expect(JSON.parse(written[1]!).status).toBe(404);
  });
});
