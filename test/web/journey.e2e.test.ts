/**
 * A new user in the real browser (system Chromium through playwright-core):
 * creates a case with two alternatives, sees the ranking and the charts,
 * exports PDF and Excel, re-opens the case after a server restart, and gets
 * a bad input back with the error and every typed value kept. The same case
 * through /api/v1/evaluate and `kalkyle evaluate` gives the same figures.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatNumber } from "../../src/i18n/numbers.js";
import { launchBrowser, openPage, seriousViolations, type WatchedPage } from "./browser.js";
import { startTestServer, type TestServer } from "./harness.js";

const ROOT = new URL("../../", import.meta.url).pathname;
let server: TestServer;
let browser: Browser;
let caseUrl = "";

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function fillAlternative(page: Page, index: number, values: { id: string; name: string; factor: string; quantity: string; amount: string }) {
  const at = (field: string) => page.locator(`[name="alternatives[${index}].${field}"]`);
  await at("id").fill(values.id);
  await at("name").fill(values.name);
  await at("emissions[0].kind").selectOption("material");
  await at("emissions[0].factor").fill(values.factor);
  await at("emissions[0].quantity").fill(values.quantity);
  await at("costs[0].kind").selectOption("acquisition");
  await at("costs[0].amount").fill(values.amount);
}

/** Chromium logs a page answered with an error status as a console error; that is the page itself, not a fault. */
const pageStatus = (status: number) => (e: string) => !e.includes(`responded with a status of ${status}`);

async function expectCleanPage(watched: WatchedPage, label: string, expectedStatus = 200) {
  expect(await seriousViolations(watched.page), `${label}: axe serious/critical`).toEqual([]);
  expect(watched.consoleErrors.filter(pageStatus(expectedStatus)), `${label}: console errors (CSP)`).toEqual([]);
  expect(watched.dialogs, `${label}: dialogs`).toEqual([]);
}

describe("a buyer's first case in the browser", () => {
  it("creates a case with two alternatives and sees the ranking and charts", async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/`);
    await expect(page.locator("h1")).toBeDefined();
    expect(await page.locator("table.cases tbody tr").count()).toBeGreaterThanOrEqual(5);
    await page.getByRole("link", { name: "Ny sak" }).first().click();
    await page.locator('[name="title"]').fill("Kontorpulter, Strømmen skole");
    await page.locator('[name="analysis.years"]').fill("10");
    await fillAlternative(page, 0, { id: "A", name: "Nye pulter i stål", factor: "material.metals.construction.primary", quantity: "1 200 kg", amount: "180 000" });
    await page.locator('button[value="add-alternative"]').click();
    await page.waitForSelector('[name="alternatives[1].name"]');
    expect(await page.locator('[name="alternatives[0].emissions[0].quantity"]').inputValue()).toBe("1 200 kg");
    await fillAlternative(page, 1, { id: "B", name: "Ombrukte pulter", factor: "material.metals.construction.closed-loop", quantity: "1 200 kg", amount: "95 000" });
    await page.locator('[name="alternatives[1].wasteLevel"]').selectOption("reuse");
    await page.locator('button[value="save"]:not(.visually-hidden)').click();
    await page.waitForURL(/\/cases\/[^/]+$/);
    caseUrl = page.url();
    await page.waitForSelector("body[data-charts-ready]");
    const text = await page.locator("main").innerText();
    expect(text).toContain("Nye pulter i stål");
    expect(text).toContain("Ombrukte pulter");
    // the page answers first: the recommended alternative, by name, before the ranking
    const answer = text.indexOf("«Ombrukte pulter» anbefales");
    expect(answer).toBeGreaterThan(-1);
    expect(answer).toBeLessThan(text.indexOf("Rangering"));
    // 1.2 t × 3 824.09335 kg/t = 4 588,91 kg → 4,59 t; 1.2 t × 1 638.74406 = 1 966,49 kg → 1,97 t
    expect(text).toContain("4,59");
    expect(text).toContain("1,97");
    const canvases = page.locator("canvas");
    expect(await canvases.count()).toBeGreaterThanOrEqual(2);
    const drawn = await canvases.first().evaluate((c) => (c as HTMLCanvasElement).width > 0);
    expect(drawn).toBe(true);
    await expectCleanPage(watched, "comparison page");
    await watched.page.context().close();
  });

  it("exports the comparison as PDF and Excel", async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(caseUrl);
    // the page says the PDF is being made (role="status"), then that it is downloading: every text the region shows is kept
    const status = page.locator('[role="status"][data-pdf-status]');
    expect(await status.getAttribute("aria-live")).toBe("polite");
    await status.evaluate((region) => {
      const seen: string[] = [];
      (window as unknown as { pdfStatuses: string[] }).pdfStatuses = seen;
      new MutationObserver(() => seen.push(region.textContent ?? "")).observe(region, { childList: true, characterData: true, subtree: true });
    });
    const pdfDownload = page.waitForEvent("download");
    await page.locator('a[href$="/report.pdf"]').first().click();
    const pdf = await pdfDownload;
    await page.waitForFunction(() => document.querySelector("[data-pdf-status]")?.textContent === "PDF-en er laget og lastes ned.");
    expect(await page.evaluate(() => (window as unknown as { pdfStatuses: string[] }).pdfStatuses)).toEqual(["Lager PDF …", "PDF-en er laget og lastes ned."]);
    const pdfBytes = readFileSync((await pdf.path())!);
    expect(pdfBytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);

    const xlsxDownload = page.waitForEvent("download");
    await page.locator('a[href$="/export.xlsx"]').first().click();
    const xlsx = await xlsxDownload;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(3);
    const cells: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells).toContain("Nye pulter i stål");
    await page.context().close();
  });

  it("re-opens the case after a server restart", async () => {
    const dir = server.dir;
    await server.close({ keepData: true });
    server = await startTestServer({ dir, seed: false });
    const path = new URL(caseUrl).pathname;
    caseUrl = server.url + path;
    const watched = await openPage(browser);
    await watched.page.goto(caseUrl);
    expect(await watched.page.locator("h1").innerText()).toContain("Kontorpulter, Strømmen skole");
    await watched.page.goto(`${server.url}/`);
    expect(await watched.page.locator("main").innerText()).toContain("Kontorpulter, Strømmen skole");
    await watched.page.context().close();
  });

  it("gives the same figures in the browser, through /api/v1/evaluate and through kalkyle evaluate", async () => {
    const id = new URL(caseUrl).pathname.split("/").pop()!;
    const doc = await (await fetch(`${server.url}/cases/${id}/case.json`)).json();
    const api = await (await fetch(`${server.url}/api/v1/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(doc) })).json();
    const file = join(server.dir, "from-browser.json");
    writeFileSync(file, JSON.stringify(doc));
    const cli = JSON.parse(execFileSync(process.execPath, [join(ROOT, "bin/kalkyle.js"), "evaluate", file], { cwd: ROOT, encoding: "utf8" }));
    expect(api).toEqual(cli);
    const watched = await openPage(browser);
    await watched.page.goto(caseUrl);
    const text = await watched.page.locator("main").innerText();
    for (const alt of api.alternatives as { emissions: { totalKg: number }; lcc: { presentValue: number } }[]) {
      expect(text).toContain(formatNumber(alt.emissions.totalKg / 1000, "nb", 2));
      expect(text).toContain(formatNumber(alt.lcc.presentValue, "nb", 0));
    }
    await watched.page.context().close();
  }, 60_000);

  it("keeps every typed value and shows the error next to the field after a bad input", async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${caseUrl}/edit`);
    await page.locator('[name="alternatives[0].emissions[0].quantity"]').fill("12 parsecs");
    await page.locator('[name="alternatives[1].costs[0].amount"]').fill("abc");
    await page.locator('[name="alternatives[1].name"]').fill("Ombrukte pulter, nye bein");
    await page.locator('button[value="save"]:not(.visually-hidden)').click();
    await page.waitForSelector('[role="alert"]');
    expect(await page.locator('[name="alternatives[0].emissions[0].quantity"]').inputValue()).toBe("12 parsecs");
    expect(await page.locator('[name="alternatives[1].costs[0].amount"]').inputValue()).toBe("abc");
    expect(await page.locator('[name="alternatives[1].name"]').inputValue()).toBe("Ombrukte pulter, nye bein");
    expect(await page.locator('[name="alternatives[0].emissions[0].quantity"]').getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await page.locator('[name="alternatives[0].emissions[0].quantity"]').getAttribute("aria-describedby")) ?? "";
    const messages = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(messages.join(" ")).toContain("12 parsecs");
    await expectCleanPage(watched, "editor with errors", 400);
    // Nothing was saved: the stored case still has the old name.
    const id = new URL(caseUrl).pathname.split("/").pop()!;
    expect(JSON.stringify((await server.store.cases.get(id))!.document)).not.toContain("nye bein");
    await page.context().close();
  });
});

/** One's own page and the administrator's pages, with a form's errors and a confirmation among them. */
async function ownPages(): Promise<string[]> {
  const [token] = await server.ctx.app.tokens.list({ ...server.admin, via: "web" });
  const members = ["/admin/users", `/admin/users/${server.admin.userId}/password`, `/admin/users/${server.admin.userId}/remove`];
  const tokens = ["/admin/tokens", `/admin/tokens?member=${server.admin.userId}`, `/admin/tokens/${token!.id}/revoke`];
  return ["/account", `/account/tokens/${token!.id}/revoke`, ...members, ...tokens, "/admin/audit", "/admin/audit?action=case.create", "/admin/audit?from=2026-02-30"];
}

describe("every page, both languages", () => {
  it("passes axe with no serious or critical violations and no CSP errors", async () => {
    const id = new URL(caseUrl).pathname.split("/").pop()!;
    // a case with a rank note, a suggested level, existing stock and warnings, so those parts are checked too
    const notes = await server.store.cases.create({
      schema: "kalkyle.case/1",
      title: "Stoler med merknader",
      analysis: { startYear: 2026, years: 60 },
      baseline: "B",
      alternatives: [
        { id: "A", name: "Ombruk", wasteLevel: "reuse", emissions: [{ label: "Oppussing", kind: "fixed", factor: { value: 1, unit: "kgCO2e/unit" }, quantity: "3000 unit" }], costs: [{ label: "Service", kind: "maintenance", amount: 100, every: 70 }, { label: "Innkjøp", kind: "acquisition", amount: 10000 }] },
        { id: "B", name: "Nye", wasteLevel: "dispose", emissions: [{ label: "Produksjon", kind: "fixed", factor: { value: 1, unit: "kgCO2e/unit" }, quantity: "100 unit" }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 6000 }] },
        { id: "C", name: "Stål", emissions: [{ label: "Gamle stoler", kind: "waste", factor: "waste.metal-scrap.recycling", quantity: "500 kg", existingStock: true }, { label: "Stål", kind: "waste", factor: "waste.metal-scrap.recycling", quantity: "400 kg" }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 7000, life: 25 }] },
      ],
    });
    const notesPages = [`/cases/${notes.id}`, `/cases/${notes.id}/edit`, `/cases/${notes.id}/report`, `/cases/${notes.id}/finance?seed=7`];
    const all = ["/", "/cases/new", `/cases/${id}`, `/cases/${id}/edit`, `/cases/${id}/report`, `/cases/${id}/delete`, ...notesPages, "/factors", "/factors?q=diesel", "/import", "/no-such-page", ...(await ownPages())];
    // Every page in bokmål at desktop width; in English the pages with rank notes, hints and warnings,
    // since reflow.e2e.test.ts runs axe on every page in both languages at 320 px.
    // Three browser contexts side by side (bokmål's pages split in two), so the server renders for one while Chromium checks another.
    const lanes = [
      { lang: "nb" as const, pages: all.filter((_, i) => i % 2 === 0) },
      { lang: "nb" as const, pages: all.filter((_, i) => i % 2 === 1) },
      { lang: "en" as const, pages: notesPages },
    ];
    const summary: string[] = [];
    await Promise.all(lanes.map(async ({ lang, pages }) => {
      const watched = await openPage(browser);
      await watched.page.goto(`${server.url}/`);
      if (lang === "en") {
        await watched.page.locator(".lang-switch button").click();
        await watched.page.waitForSelector('html[lang="en"]');
      }
      for (const path of pages) {
        await watched.page.goto(server.url + path);
        expect(await watched.page.getAttribute("html", "lang")).toBe(lang);
        const violations = await seriousViolations(watched.page);
        expect(violations, `${lang} ${path}`).toEqual([]);
        summary.push(`${lang} ${path}: 0 serious/critical`);
      }
      // the missing page answers 404 and the audit trail with a date that does not exist 400, on purpose
      expect(watched.consoleErrors.filter(pageStatus(404)).filter(pageStatus(400)), `${lang}: console errors`).toEqual([]);
      await watched.page.context().close();
    }));
    console.info(`axe: ${summary.length} page views checked, ${summary.join("; ")}`);
  }, 120_000);

  it("the login page, empty and after a refused login, passes axe with no CSP errors in both languages", async () => {
    for (const lang of ["nb", "en"] as const) {
      // A visitor without a session: the app as it is, not the harness's signed-in front.
      const watched = await openPage(browser);
      const { page } = watched;
      await page.goto(`${server.publicUrl}/login`);
      if (lang === "en") {
        await page.locator(".lang-switch button").click();
        await page.waitForSelector('html[lang="en"]');
      }
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      expect(await seriousViolations(page), `${lang} /login`).toEqual([]);
      await page.locator('[name="email"]').fill("ingen@test.kalkyle.no");
      await page.locator('[name="password"]').fill("ikke-passordet");
      await page.locator('.login-form button[type="submit"]').click();
      await page.waitForSelector("#error-summary");
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      expect(await seriousViolations(page), `${lang} /login after a wrong password`).toEqual([]);
      expect(watched.consoleErrors.filter(pageStatus(401)), `${lang} /login: console errors`).toEqual([]);
      await page.context().close();
    }
  }, 60_000);

  it("shows the existing-stock box on waste rows only, and never hides a ticked one", async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${server.url}/cases/new`);
    const box = page.locator('[name="alternatives[0].emissions[0].existingStock"]');
    expect(await box.isVisible()).toBe(false);
    await page.locator('[name="alternatives[0].emissions[0].kind"]').selectOption("waste");
    expect(await box.isVisible()).toBe(true);
    await box.check();
    await page.locator('[name="alternatives[0].emissions[0].kind"]').selectOption("material");
    expect(await box.isVisible()).toBe(true);
    await expectCleanPage(watched, "editor");
    await page.context().close();
  });

  it("runs no stored script from hostile text on any page, chart or PDF", async () => {
    const payloads = ["<script>window.__xss=1</script>", '"><img src=x onerror="window.__xss=1">', "</script><script>window.__xss=1</script>", "{{constructor.constructor('window.__xss=1')()}}", "javascript:window.__xss=1", "linje\u2028skift"];
    const doc = {
      schema: "kalkyle.case/1",
      title: payloads.join(" "),
      functionalUnit: payloads[1],
      analysis: { startYear: 2026, years: 5 },
      alternatives: payloads.slice(0, 3).map((p, i) => ({ id: `X${i}`, name: p, emissions: [{ label: payloads[(i + 3) % payloads.length], kind: "material", factor: "material.wood.primary", quantity: `${i + 1} t` }], costs: [{ label: p, kind: "acquisition", amount: 1000 * (i + 1) }] })),
    };
    const saved = await server.store.cases.create(doc);
    const watched = await openPage(browser);
    for (const path of ["/", `/cases/${saved.id}`, `/cases/${saved.id}/edit`, `/cases/${saved.id}/report`, `/cases/${saved.id}/delete`, `/cases/${saved.id}/finance`]) {
      await watched.page.goto(server.url + path);
      if (path.endsWith(saved.id) || path.endsWith("/report") || path.endsWith("/finance")) await watched.page.waitForSelector("body[data-charts-ready]");
      expect(await watched.page.evaluate(() => (window as unknown as { __xss?: number }).__xss), path).toBeUndefined();
    }
    expect(watched.dialogs).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
    const pdf = await fetch(`${server.url}/cases/${saved.id}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    await watched.page.context().close();
  }, 60_000);
});
