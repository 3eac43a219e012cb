/**
 * The Klimanøytral 2027 dashboard (GET /climate) in the real browser
 * (system Chromium through playwright-core), in bokmål and English, first
 * with nothing entered and then with a plan, a decision and a ledger: axe
 * finds nothing serious or critical, the page's scripts run under the CSP
 * without a console error, the chart is drawn beside its data table, the
 * page does not scroll sideways at 320 CSS px, and printed (print media
 * emulated) the navigation is hidden and the chart fits an A4 page. One
 * server and one browser for the file.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExampleCases } from "../../src/examples.js";
import { launchBrowser, openPage, seriousViolations } from "./browser.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the dashboard at this width, waits for the chart script, and returns the page with its console errors. */
async function openDashboard(lang: "nb" | "en", width = 1280) {
  const watched = await openPage(browser);
  await watched.page.setViewportSize({ width, height: 900 });
  const answer = await watched.page.goto(`${server.url}/climate?lang=${lang}`);
  expect(answer?.status()).toBe(200);
  await watched.page.waitForSelector('body[data-charts-ready="true"]');
  return watched;
}

/** How far the page reaches past the viewport's right edge (0: no sideways scrolling). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Whether the chart's canvas has any pixel drawn on it. */
const chartDrawn = (page: Page) =>
  page.locator("#chart-climate-years").evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    if (canvas.width === 0 || canvas.height === 0) return false;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
    return false;
  });

describe("the climate dashboard in the browser, nothing entered yet", () => {
  for (const lang of ["nb", "en"] as const) {
    it(`is clean for axe and the CSP, and says what to do next (${lang})`, async () => {
      const watched = await openDashboard(lang);
      const { page } = watched;
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      expect(await page.locator("#h-empty").count()).toBe(1);
      expect(await page.locator('.climate-empty a[href="/climate/plan"]').count()).toBe(1);
      expect(await page.locator('.climate-empty a[href="/climate/ledgers"]').count()).toBe(1);
      expect(await seriousViolations(page), "axe serious/critical").toEqual([]);
      expect(watched.consoleErrors, "console errors (CSP)").toEqual([]);
      await page.setViewportSize({ width: 320, height: 640 });
      expect(await sidewaysOverflow(page), "sideways scrolling at 320 px").toBeLessThanOrEqual(0);
      expect(await seriousViolations(page), "axe at 320 px").toEqual([]);
      await page.context().close();
    });
  }
});

describe("the climate dashboard in the browser, with a plan, a decision and a ledger", () => {
  beforeAll(async () => {
    const admin = { ...server.admin, via: "web" as const };
    const { app } = server.ctx;
    await app.climate.savePlan(
      admin,
      {
        baseline: { year: 2023, categories: [{ category: "food", directTonnes: "0", indirectTonnes: "120" }, { category: "transport", directTonnes: "40", indirectTonnes: "10" }] },
        target: { kind: "shape", shape: "linear", start: { year: 2023, tonnes: "170" }, end: { year: 2030, tonnes: "0" } },
        neutralityYear: 2027,
        compensation: { nokPerTonne: "1500", source: "Testkilde for kompensasjonspris, https://example.org/en/svært/lang/adresse/som/må/brytes/på/en/smal/skjerm/2026" },
      },
      0,
    );
    const chairs = loadExampleCases().find((c) => String(c.title).startsWith("Kontorstoler"))!;
    const stored = await app.cases.create(admin, chairs);
    const form = await app.decisions.form(admin, stored.id);
    await app.decisions.record(admin, { caseId: stored.id, chosen: form.alternatives.find((a) => a.id !== form.baseline.id)!.id, contractStart: "2026-07", contractMonths: 18, category: "furniture", strategyArea: "climate-environment" });
    const ledger = Buffer.from(
      ["År;Art;Leverandør;Orgnr;Tekst;Beløp", "2024;115;Mat- og drikkeleverandøren i Viken AS;912345678;Matvarer;250 000,00", "2024;100;Papir AS;998877665;Kopipapir;40 000,00", "2024;160;Ukjent AS;911111111;Ukjent kjøp;5 000,00"].join("\r\n"),
      "utf8",
    );
    await app.ledgers.import(admin, { fileName: "hovedbok.csv", source: (async function* () { yield ledger; })(), bytesTotal: ledger.length, columns: null });
  });

  for (const lang of ["nb", "en"] as const) {
    it(`draws the chart beside its data table, clean for axe and the CSP, without sideways scrolling at 320 px (${lang})`, async () => {
      const watched = await openDashboard(lang);
      const { page } = watched;
      expect(await chartDrawn(page), "chart drawn").toBe(true);
      expect(await page.locator("#chart-climate-years").getAttribute("role")).toBe("img");
      expect(await page.locator("#chart-climate-years").getAttribute("aria-label")).toMatch(lang === "nb" ? /Tabellen har de samme tallene/ : /The table has the same figures/);
      // the data table: one row per year from the baseline to the end of the path
      expect(await page.locator("table.climate-year-table tbody tr").count()).toBe(2030 - 2023 + 1);
      expect(await page.locator("[data-key-figures] .key-figure").count()).toBe(4);
      expect(await page.locator("#h-empty").count()).toBe(0);
      expect(await seriousViolations(page), "axe serious/critical").toEqual([]);
      expect(watched.consoleErrors, "console errors (CSP)").toEqual([]);

      await page.setViewportSize({ width: 320, height: 640 });
      await page.waitForTimeout(100);
      expect(await sidewaysOverflow(page), "sideways scrolling at 320 px").toBeLessThanOrEqual(0);
      expect(await chartDrawn(page), "chart drawn at 320 px").toBe(true);
      expect(await seriousViolations(page), "axe at 320 px").toEqual([]);
      await page.context().close();
    });
  }

  it("prints without the navigation, the chart within an A4 page's width and the print button shown on screen", async () => {
    const watched = await openDashboard("nb");
    const { page } = watched;
    expect(await page.locator("button[data-print]").isVisible()).toBe(true);
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 794, height: 1123 });
    for (const selector of [".site-header", ".climate-subnav", ".case-actions", ".site-footer"]) expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    // A4 is 21 cm wide; the chart's box is at most 17 cm (about 643 CSS px)
    const box = await page.locator(".climate-years .chart-box").boundingBox();
    expect(box!.width).toBeLessThanOrEqual(643);
    expect(box!.height).toBeLessThanOrEqual(303);
    expect(await page.locator("table.climate-year-table").isVisible()).toBe(true);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await page.context().close();
  });
});
