/**
 * The decision memo in the real browser (system Chromium through
 * playwright-core), in bokmål and English: axe finds nothing serious or
 * critical, the page's scripts run under the CSP without a console error,
 * and both tornado charts are drawn; in bokmål the PDF link downloads the
 * memo as a PDF and the page says so in its status region. One server and one
 * browser for the file (about 10 s); the largest
 * example, so the memo's tables are as long as they get. The memo at
 * 320 px is in reflow.e2e.test.ts.
 */
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, seriousViolations } from "./browser.js";
import { startTestServer, type TestServer } from "./harness.js";
import { loadExampleCases } from "../../src/examples.js";

let server: TestServer;
let browser: Browser;
let memoPath = "";

/** The example with the most emission and cost rows: the longest tables and the most inputs to vary. */
async function largestExampleId(): Promise<string> {
  const rows = (doc: Record<string, unknown>) => (doc.alternatives as { emissions?: unknown[]; costs?: unknown[] }[]).reduce((n, a) => n + (a.emissions?.length ?? 0) + (a.costs?.length ?? 0), 0);
  const largest = loadExampleCases().reduce((a, b) => (rows(b) > rows(a) ? b : a));
  const { cases } = await server.store.cases.list({ search: String(largest.title), limit: 10 });
  return cases.find((c) => c.title === largest.title)!.id;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  memoPath = `/cases/${await largestExampleId()}/memo?samples=200&seed=3`;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the decision memo in the browser", () => {
  for (const lang of ["nb", "en"] as const) {
    it(`is clean for axe and the CSP, with both tornado charts drawn${lang === "nb" ? ", and its link downloads the PDF" : ""} (${lang})`, async () => {
      const watched = await openPage(browser);
      const { page } = watched;
      const answer = await page.goto(`${server.url}${memoPath}&lang=${lang}`);
      expect(answer?.status()).toBe(200);
      await page.waitForSelector('body[data-charts-ready="true"]');
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      for (const id of ["chart-tornado-lcc", "chart-tornado-kg"]) expect(await page.locator(`#${id}`).evaluate((c) => (c as HTMLCanvasElement).width > 0), id).toBe(true);
      expect(await seriousViolations(page), "axe serious/critical").toEqual([]);
      expect(watched.consoleErrors, "console errors (CSP)").toEqual([]);
      if (lang === "nb") {
        const download = page.waitForEvent("download");
        await page.locator("a[data-pdf-link]").click();
        const pdf = await download;
        await page.waitForFunction(() => document.querySelector("[data-pdf-status]")?.textContent === "PDF-en er laget og lastes ned.");
        expect(pdf.suggestedFilename()).toMatch(/^Beslutningsnotat – .+\.pdf$/);
        expect(readFileSync((await pdf.path())!).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      }
      await page.context().close();
    });
  }
});
