/**
 * The bids page (/cases/:id/bids) in the real browser (system Chromium
 * through playwright-core): the buyer downloads the bokmål template, the
 * test fills it in with exceljs as a supplier would (one broken copy, one
 * right), uploads the broken one and reads every problem with its sheet and
 * cell, uploads the right one and follows the confirmation to the
 * comparison, where the bid shows with its data-quality tiers and EPDs;
 * in the editor the new bid's EPD fields show only on its EPD rows until
 * another row is given an EPD tier (style sheet only). axe finds nothing
 * serious or critical in bokmål and English, and the page does not scroll
 * sideways at 320 CSS px; the replace box sits beside its label, hint below,
 * at 1280 and 320 px. One server and one browser for the file.
 */
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { BASE_CASE, fill, supplierEntries } from "../bids/bid-fixture.js";
import { launchBrowser, openPage, seriousViolations } from "./browser.js";
import { startTestServer, type TestServer } from "./harness.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const set = loadFactorLibrary().sets.get("2025-2")!;

let server: TestServer;
let browser: Browser;
let caseId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: false }), launchBrowser()]);
  caseId = (await server.store.cases.create(BASE_CASE)).id;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** How far the page reaches past the viewport's right edge (0: no sideways scrolling). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Axe at the desktop width and at 320 px, and no sideways scrolling at 320 px; back to the desktop width after. */
async function checkAccessible(page: Page, what: string) {
  expect(await seriousViolations(page), `axe serious/critical (${what})`).toEqual([]);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await sidewaysOverflow(page), `sideways scrolling at 320 px (${what})`).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page), `axe at 320 px (${what})`).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The replace box and its label side by side on one line (label just right of the box), its hint below both. */
async function expectReplaceOnOneLine(page: Page, width: number) {
  await page.setViewportSize({ width, height: 900 });
  const box = (await page.locator("#bid-replace").boundingBox())!;
  const label = (await page.locator('label[for="bid-replace"]').boundingBox())!;
  const hint = (await page.locator("#bid-replace-hint").boundingBox())!;
  // a box stretched by «.field input { width: 100% }» is drawn in the middle of a line-wide element: its own size is asked for
  expect(box.width, `the box keeps its own size at ${width} px`).toBeLessThanOrEqual(30);
  expect(label.x - (box.x + box.width), `gap between box and label at ${width} px`).toBeLessThanOrEqual(16);
  expect(label.x - (box.x + box.width)).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height / 2, `box beside its label at ${width} px`).toBeGreaterThan(label.y);
  expect(box.y + box.height / 2).toBeLessThan(label.y + label.height);
  expect(hint.y, `hint after box and label at ${width} px`).toBeGreaterThanOrEqual(Math.max(box.y + box.height, label.y + label.height) - 1);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function uploadFile(page: Page, bytes: Buffer) {
  await page.setInputFiles("#bid-file", { name: "tilbud.xlsx", mimeType: XLSX, buffer: bytes });
  await Promise.all([page.waitForNavigation(), page.click(".bid-upload button[type=submit]")]);
}

describe("the bids page in the browser", () => {
  it("downloads the template, refuses a broken bid cell by cell, adds a filled one that the comparison shows with its tiers, and is accessible in both languages", async () => {
    const watched = await openPage(browser, { acceptDownloads: true });
    const { page } = watched;
    await page.setViewportSize({ width: 1280, height: 900 });
    expect((await page.goto(`${server.url}/cases/${caseId}/bids?lang=nb`))?.status()).toBe(200);
    await checkAccessible(page, "bids page, nb");
    await expectReplaceOnOneLine(page, 1280);
    await expectReplaceOnOneLine(page, 320);

    const [download] = await Promise.all([page.waitForEvent("download"), page.click('a[hreflang="nb"]')]);
    expect(download.suggestedFilename()).toMatch(/^tilbudsskjema-.*\.xlsx$/);
    const template = await readFile((await download.path())!);

    // a broken copy: every problem with its sheet and cell, the file input marked, nothing added
    const broken = supplierEntries(set, "nb");
    broken.delivery = { ...broken.delivery, C4: -2 };
    await uploadFile(page, await fill(template, "nb", broken));
    const problems = await page.locator(".bid-problems li").allInnerTexts();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Arket Levering, celle C4: /);
    expect(await page.getAttribute("#bid-file", "aria-invalid")).toBe("true");
    await checkAccessible(page, "problems, nb");

    // the right copy: added, confirmed, and shown on the comparison with its tiers and EPDs
    await uploadFile(page, await fill(template, "nb", supplierEntries(set, "nb")));
    expect(page.url()).toContain("added=C");
    expect(await page.locator(".notice").innerText()).toContain("Tilbudet «Leverandør AS, tilbud 1» er lagt til som alternativ C.");
    await Promise.all([page.waitForNavigation(), page.click(".notice a")]);
    const tiers = page.locator("table.tiers");
    expect(await tiers.locator("thead").innerText()).toContain("Leverandør AS, tilbud 1");
    expect(await tiers.locator('tr[data-tier="epd-verified"]').count()).toBe(1);
    expect(await page.locator("table.epds").innerText()).toContain("NEPD-1234-567-NO");

    // the editor: the EPD fields show on the bid's EPD rows only, and on another row once an EPD tier is chosen there;
    // a factor given by year (put in A here) is shown read only in words; axe finds nothing serious
    const admin = { userId: server.admin.userId, organisationId: server.organisationId, role: "admin" as const, via: "web" as const };
    const current = await server.ctx.app.cases.get(admin, caseId);
    const alternatives = (current.document.alternatives as { emissions: unknown[] }[]).map((a, i) =>
      i === 0 ? { ...a, emissions: [...a.emissions, { label: "Strøm", kind: "energy", factor: { byYear: { "2026": 0.02, "2030": 0.01 }, unit: "kgCO2e/kWh" }, quantity: "1000 kWh", every: 1 }] } : a,
    );
    await server.ctx.app.cases.update(admin, caseId, { ...current.document, alternatives }, current.version);
    expect((await page.goto(`${server.url}/cases/${caseId}/edit?lang=nb`))?.status()).toBe(200);
    expect(await page.locator(`[id="alternatives[0].emissions[1].factor"]`).innerText()).toBe("Faktor per år: 2026: 0,02; 2030: 0,01 kgCO2e/kWh");
    expect(await seriousViolations(page), "axe serious/critical (editor with tiers)").toEqual([]);
    const registration = (row: number) => page.locator(`[id="alternatives[2].emissions[${row}].epd.registration"]`);
    expect(await registration(1).isVisible()).toBe(true);
    expect(await registration(0).isVisible()).toBe(false);
    await page.selectOption(`[id="alternatives[2].emissions[0].tier"]`, "epd");
    expect(await registration(0).isVisible()).toBe(true);

    expect((await page.goto(`${server.url}/cases/${caseId}/bids?lang=en`))?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("h1").innerText()).toContain("Bids");
    await checkAccessible(page, "bids page, en");
    // the refused upload's own 400 is the one error the browser logs; anything else (a CSP violation) fails
    expect(watched.consoleErrors.filter((e) => !e.includes("status of 400")), "console errors (CSP)").toEqual([]);
    await page.context().close();
  }, 90_000);
});
