/**
 * The ledger pages in the real browser (system Chromium through
 * playwright-core), one server and one browser for the file: an adviser
 * picks a generated Windows-1252 ledger with `;` on /climate/ledgers, the
 * column step appears prefilled from the headers, the upload's progress
 * bar and status line move ("Importerer … 45 %"), the summary follows with
 * the broken line; then the adviser follows the screening's "map" link for
 * an unmapped account, adds the rule, and the screening shows the account
 * mapped. axe finds nothing serious on /climate/ledgers (both steps), the
 * summary, /climate/screening and /climate/mapping in bokmål and English,
 * no page scrolls sideways at 320 CSS px (where axe looks too, as the reflow test does), and no
 * script breaks the CSP.
 */
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeLedger } from "../support/ledger-fixtures.js";
import { launchBrowser, openPage, seriousViolations, type WatchedPage } from "./browser.js";
import { startTestServer, type TestServer } from "./harness.js";

const LINES = 12_000;
let server: TestServer;
let browser: Browser;
let dir: string;
let ledgerFile: string;
let adviserCookie: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "webledger-browser-"));
  ledgerFile = join(dir, "leverandørreskontro.csv");
  await writeLedger(ledgerFile, { lines: LINES, encoding: "windows-1252", delimiter: ";", seed: 11 });
  // one line whose amount cannot be read: the last line of the file, number LINES + 2 (the header is line 1)
  appendFileSync(ledgerFile, Buffer.from("2025;02.01.2025;120;201;Bærum Renhold AS;912345678;Rengjøring;tolv kroner\r\n", "latin1"));
  [server, browser] = await Promise.all([startTestServer({ seed: false }), launchBrowser()]);
  adviserCookie = (await server.clientAs("adviser")).cookie;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A browser page signed in as the adviser, at this width. */
async function adviserPage(width = 1280): Promise<WatchedPage> {
  const watched = await openPage(browser);
  const [name, value] = [adviserCookie.slice(0, adviserCookie.indexOf("=")), adviserCookie.slice(adviserCookie.indexOf("=") + 1)];
  await watched.page.context().addCookies([{ name, value, url: server.url }]);
  await watched.page.setViewportSize({ width, height: 900 });
  return watched;
}

/** How far the page reaches past the viewport's right edge (0: no sideways scrolling). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** axe's serious findings and the sideways overflow of the page as it is now, in words (none: an empty list). */
async function problemsOf(page: Page, label: string): Promise<string[]> {
  const found = (await seriousViolations(page)).map((v) => `${label}: axe ${v.impact} ${v.id} (${v.nodes}×): ${v.help}`);
  const overflow = await sidewaysOverflow(page);
  if (overflow > 0) found.push(`${label}: ${overflow} px past the right edge`);
  return found;
}

describe("an adviser imports a ledger through the page", () => {
  it("sees the column step, the progress bar and the summary, and maps an unmapped account", { timeout: 120_000 }, async () => {
    const { page, consoleErrors } = await adviserPage();
    expect((await page.goto(`${server.url}/climate/ledgers`))?.status()).toBe(200);
    // before a file is read there is no next step to press
    expect(await page.locator("[data-submit]").isVisible()).toBe(false);
    // a file that is no ledger: its error beside the field, starting as a sentence does, and still no button
    await page.locator("#ledger-file").setInputFiles({ name: "bilde.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) });
    await page.waitForSelector("#ledger-file-error");
    expect(await page.locator("#ledger-file-error").textContent()).toMatch(/^Filen kan ikke leses som CSV eller Excel/);
    expect(await page.locator("[data-submit]").isVisible()).toBe(false);
    // the ledger itself: its head is read as soon as it is chosen; when the connection fails on the way, the button lets it be tried again
    await page.route("**/climate/ledgers/inspect*", (route) => route.abort("connectionreset"));
    await page.locator("#ledger-file").setInputFiles(ledgerFile);
    await page.waitForSelector("#upload-errors");
    await page.unroute("**/climate/ledgers/inspect*");
    expect(await page.locator("[data-submit]").isVisible()).toBe(true);
    expect(await page.locator("[data-submit]").textContent()).toBe("Neste: kontroller kolonnene");
    await page.locator("[data-submit]").click();

    // step 2: the columns, prefilled from the headers
    await page.waitForSelector("#ledger-upload [data-columns] #col-account");
    expect(await page.locator("#col-account").inputValue()).toBe("Art");
    expect(await page.locator("#col-amount").inputValue()).toBe("Beløp");
    expect(await page.locator("#col-supplierName").inputValue()).toBe("Leverandørnavn");
    expect(await page.locator("[data-status]").textContent()).toContain("Fant 8 kolonner");
    expect(await page.locator("[data-submit]").textContent()).toBe("Importer med disse kolonnene");

    // every change of the progress bar and the status line is recorded, across the navigation to the summary
    const seen: { value: number; max: number; status: string }[] = [];
    await page.exposeFunction("recordUpload", (value: number, max: number, status: string) => seen.push({ value, max, status }));
    await page.evaluate(() => {
      const progress = document.getElementById("ledger-progress") as HTMLProgressElement;
      const status = document.querySelector("[data-status]")!;
      const record = () => (window as unknown as { recordUpload(v: number, m: number, s: string): void }).recordUpload(progress.value, progress.max, status.textContent ?? "");
      const observer = new MutationObserver(record);
      observer.observe(progress, { attributes: true });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
    await Promise.all([page.waitForURL(/\/climate\/ledgers\/imports\/[^/]+$/, { timeout: 90_000 }), page.locator("[data-submit]").click()]);

    expect(seen.some((s) => s.max > 100 && s.value > 0), `progress seen: ${JSON.stringify(seen.slice(0, 5))}`).toBe(true);
    expect(seen.some((s) => s.value === s.max && s.max > 100)).toBe(true);
    expect(seen.some((s) => /^Importerer … \d{1,3} %$/.test(s.status))).toBe(true);

    // the summary: every line read, the broken one by its number
    await expect.poll(() => page.locator('[data-figure="read"] dd').textContent()).toBe((LINES + 1).toLocaleString("nb-NO"));
    expect(await page.locator('[data-figure="broken"] dd').textContent()).toBe("1");
    expect(await page.locator("#broken-lines tbody th").first().textContent()).toBe(String(LINES + 2));
    expect(await page.locator("#broken-lines tbody td").last().textContent()).toContain("tolv kroner");

    // the screening lists account 195 as unmapped; its "map" link opens the form with the account filled in
    await page.goto(`${server.url}/climate/screening`);
    const unmapped195 = page.locator("#unmapped-accounts tbody tr", { has: page.locator("th", { hasText: /^195$/ }) });
    expect(await unmapped195.count()).toBe(1);
    await unmapped195.locator("a").click();
    await page.waitForURL(/\/climate\/mapping\?account=195/);
    expect(await page.locator("#rule-value").inputValue()).toBe("195");
    expect(await page.locator("#rule-kind").inputValue()).toBe("account");
    // the form has the focus: the next Tab goes into it
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("new-rule");
    await page.locator("#rule-target").selectOption("spend.p74-other-business-services");
    await page.locator("#rule-category").selectOption("services");
    await page.locator("#rule-reason").fill("Lisenser og gebyrer er kjøp av tjenester");
    await Promise.all([page.waitForURL(/saved=1/), page.locator(".rule-form button[type=submit]").click()]);
    expect(await page.locator("#mapping-rules tbody tr").first().textContent()).toContain("Lisenser og gebyrer er kjøp av tjenester");

    await page.goto(`${server.url}/climate/screening`);
    expect(await page.locator("#unmapped-accounts tbody th", { hasText: /^195$/ }).count()).toBe(0);
    // the refused picture's answer (400) and the broken connection are what the console may mention
    expect(consoleErrors.filter((e) => !/status of 400|ERR_CONNECTION_RESET/.test(e))).toEqual([]);
  });
});

describe("the ledger pages for axe and at 320 CSS px", () => {
  for (const lang of ["nb", "en"] as const) {
    it(`are clean in ${lang}: the imports (both steps), a summary, the screening and the mapping`, { timeout: 120_000 }, async () => {
      // at 320 px: the narrowest screen WCAG's reflow asks for, where axe also looks (as the reflow test does)
      {
        const width = 320;
        const { page, consoleErrors } = await adviserPage(width);
        const problems: string[] = [];
        const visit = async (path: string) => {
          expect((await page.goto(`${server.url}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`))?.status(), path).toBe(200);
          expect(await page.getAttribute("html", "lang")).toBe(lang);
          problems.push(...(await problemsOf(page, `${lang} ${width}px ${path}`)));
        };
        await visit("/climate/ledgers");
        // the column step, as the script shows it after reading the head of the file
        await page.locator("#ledger-file").setInputFiles(ledgerFile);
        await page.waitForSelector("#ledger-upload [data-columns] #col-account");
        problems.push(...(await problemsOf(page, `${lang} ${width}px /climate/ledgers, column step`)));
        // a refusal shown beside its field: no column for the account
        await page.locator("#col-account").selectOption("");
        await page.locator("[data-submit]").click();
        await page.waitForSelector("#col-account-error");
        expect(await page.getAttribute("#col-account", "aria-invalid")).toBe("true");
        problems.push(...(await problemsOf(page, `${lang} ${width}px /climate/ledgers, refused columns`)));

        const summary = await page.locator("#ledger-imports tbody a").first().getAttribute("href");
        await visit(summary!);
        await visit("/climate/screening");
        await visit("/climate/mapping");
        // the default mapping stacks each row: nothing to scroll sideways in its region, rows of a few lines, not 250 px
        const region = await page.evaluate(() => {
          const box = document.querySelector("#default-mapping")!.closest(".table-scroll")!;
          const row = document.querySelector("#default-mapping tbody tr")!;
          return { sideways: box.scrollWidth - box.clientWidth, display: getComputedStyle(row).display, firstCell: getComputedStyle(row.querySelector("td")!, "::before").content };
        });
        expect(region.sideways).toBe(0);
        expect(region.display).toBe("block");
        expect(region.firstCell).toBe(lang === "nb" ? '"Kontonavn: "' : '"Account name: "');
        await visit("/climate/mapping?account=195");
        await visit("/climate/mapping?q=lønn");
        expect(problems).toEqual([]);
        // the refused columns' answer (400) is the one the console may mention
        expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
        await page.context().close();
      }
    });
  }
});
