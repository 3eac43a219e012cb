/**
 * PDF rendering under load, against a real server and the real Chromium:
 * at most PDF_LIMITS.rendering PDFs are made at once and PDF_LIMITS.waiting
 * wait; a request beyond that is refused at once with 503, Retry-After and
 * a page (or JSON) in the user's language; a request that gives up leaves
 * the line; HEAD on any download answers headers only and renders nothing.
 */
import { existsSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CHROMIUM_PATH, PDF_LIMITS } from "../../src/web/pdf.js";
import { startTestServer, type TestServer } from "./harness.js";
import { twoAlternativeCase } from "../support/two-alternatives.js";

const validCase = twoAlternativeCase;

let server: TestServer;
let caseId: string;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  caseId = (await server.store.cases.create(validCase("Kontorstoler, rådhuset"))).id;
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const full = PDF_LIMITS.rendering + PDF_LIMITS.waiting;

/** Resolves once the renderer holds exactly this many requests (rendering + waiting). */
async function untilHeld(count: number): Promise<void> {
  for (;;) {
    const { rendering, waiting } = server.pdf.load();
    if (rendering + waiting === count) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const pdfUrl = (query = "?lang=en") => `${server.url}/cases/${caseId}/report.pdf${query}`;

describe.skipIf(!existsSync(CHROMIUM_PATH))("a bounded line for PDFs", () => {
  it(`with ${PDF_LIMITS.rendering} rendering and ${PDF_LIMITS.waiting} waiting, the next requests get 503 at once, with Retry-After, in the user's language, as a page or as JSON`, async () => {
    const accepted = Array.from({ length: full }, () => fetch(pdfUrl()));
    await untilHeld(full);
    expect(server.pdf.load()).toEqual({ rendering: PDF_LIMITS.rendering, waiting: PDF_LIMITS.waiting });

    const english = await fetch(pdfUrl("?lang=en"));
    const bokmal = await fetch(pdfUrl("?lang=nb"));
    const json = await fetch(pdfUrl(""), { headers: { accept: "application/json", "accept-language": "nb-NO,nb;q=0.9" } });
    expect([english.status, bokmal.status, json.status]).toEqual([503, 503, 503]);
    for (const res of [english, bokmal, json]) {
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(res.headers.get("content-disposition")).toBeNull();
    }
    expect(english.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await english.text()).toContain("Many PDFs are being made right now");
    expect(await bokmal.text()).toContain("Det lages mange PDF-er akkurat nå");
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await json.json()).toEqual({ errors: [{ path: "(request)", code: "export.pdfBusy", message: expect.stringContaining("Det lages mange PDF-er akkurat nå") }] });

    const done = await Promise.all(accepted);
    expect(done.map((r) => r.status)).toEqual(Array(full).fill(200));
    for (const res of done) expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(server.pdf.load()).toEqual({ rendering: 0, waiting: 0 });
  }, 120_000);

  it("a request that gives up while waiting leaves the line, and the next one gets its place", async () => {
    const aborts = Array.from({ length: full }, () => new AbortController());
    const accepted = aborts.map((a) => fetch(pdfUrl(), { signal: a.signal }).catch(() => null));
    await untilHeld(full);
    aborts[full - 1]!.abort();
    await untilHeld(full - 1);
    const late = await fetch(pdfUrl());
    expect(late.status).toBe(200);
    await late.arrayBuffer();
    const done = await Promise.all(accepted);
    expect(done.filter((r) => r?.status === 200).length).toBe(full - 1);
  }, 120_000);
});

describe("HEAD on a download answers headers only", () => {
  it("HEAD on the PDF, CSV, Excel and case file: 200 with the download's type and name, no body, and no PDF rendered (even twelve at once)", async () => {
    const render = vi.spyOn(server.pdf, "render");
    const heads = await Promise.all(Array.from({ length: 12 }, () => fetch(pdfUrl(), { method: "HEAD" })));
    expect(heads.map((r) => r.status)).toEqual(Array(12).fill(200));
    for (const [file, type] of [
      ["report.pdf", /^application\/pdf$/],
      ["export.csv", /^text\/csv/],
      ["export.xlsx", /^application\/vnd\.openxmlformats/],
      ["case.json", /^application\/json/],
    ] as const) {
      const res = await fetch(`${server.url}/cases/${caseId}/${file}`, { method: "HEAD" });
      expect(res.status, file).toBe(200);
      expect(res.headers.get("content-type"), file).toMatch(type);
      expect(res.headers.get("content-disposition"), file).toMatch(/^attachment; filename="kontorstoler-radhuset\./);
      expect(res.headers.get("cache-control"), file).toBe("no-store");
      expect((await res.arrayBuffer()).byteLength, file).toBe(0);
    }
    expect(render).not.toHaveBeenCalled();
    expect(server.pdf.load()).toEqual({ rendering: 0, waiting: 0 });
  });

  it("HEAD on a download of an unknown case → 404", async () => {
    for (const file of ["report.pdf", "export.csv", "export.xlsx", "case.json"]) {
      expect((await fetch(`${server.url}/cases/no-such-case/${file}`, { method: "HEAD" })).status, file).toBe(404);
    }
  });
});
