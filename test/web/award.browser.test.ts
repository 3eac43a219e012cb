/**
 * The award page (/cases/:id/award) in the real browser (system Chromium
 * through playwright-core): a buyer types a weight wrongly and gets the
 * form back with the problem beside the field, then sets 70/30 linear,
 * saves, and sees the points and the implied carbon price (the same case
 * and hand computation as award.db.test.ts); axe finds nothing serious or
 * critical in bokmål and English, with the form's errors showing and with
 * the results, and the page does not scroll sideways at 320 CSS px, its
 * table captions wrapping within their scroll areas. One
 * server and one browser for the file.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, seriousViolations } from "./browser.js";
import { tender } from "./award-tender.js";
import { startTestServer, type TestServer } from "./harness.js";

const TENDER = tender("Anbud på kontormøbler med et langt navn som må brytes på en smal skjerm");

let server: TestServer;
let browser: Browser;
let caseId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: false }), launchBrowser()]);
  caseId = (await server.store.cases.create(TENDER)).id;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** How far the page reaches past the viewport's right edge (0: no sideways scrolling). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The table captions that reach past their scroll area's right edge (a caption is as wide as its table unless held). */
const overflowingCaptions = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll(".table-scroll caption")).flatMap((caption) => {
      const box = caption.getBoundingClientRect();
      const area = caption.closest(".table-scroll")!.getBoundingClientRect();
      return box.width > 1 && box.right > area.right + 0.5 ? [caption.textContent!.trim()] : [];
    }),
  );

/** Axe at the desktop width and at 320 px, and no sideways scrolling at 320 px (the captions wrap); back to the desktop width after. */
async function checkAccessible(page: Page, what: string) {
  expect(await seriousViolations(page), `axe serious/critical (${what})`).toEqual([]);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await sidewaysOverflow(page), `sideways scrolling at 320 px (${what})`).toBeLessThanOrEqual(0);
  expect(await overflowingCaptions(page), `captions wider than their table's scroll area at 320 px (${what})`).toEqual([]);
  expect(await seriousViolations(page), `axe at 320 px (${what})`).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("the award page in the browser", () => {
  it("takes 70/30 linear, shows the points and the implied carbon price, and is accessible in both languages", async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.setViewportSize({ width: 1280, height: 900 });
    expect((await page.goto(`${server.url}/cases/${caseId}/award?lang=nb`))?.status()).toBe(200);

    // a weight typed wrongly: the form comes back with the problem beside the field and the text kept
    await page.fill("#award-cost-weight", "7O");
    await page.fill("#award-climate-weight", "30");
    await Promise.all([page.waitForURL(/\/award/), page.click(".award-form button[type=submit]")]);
    expect(await page.inputValue("#award-cost-weight")).toBe("7O");
    expect(await page.getAttribute("#award-cost-weight", "aria-invalid")).toBe("true");
    expect(await page.locator("#award-cost-weight-error").count()).toBe(1);
    await checkAccessible(page, "form with errors, nb");

    await page.fill("#award-cost-weight", "70");
    await page.selectOption("#award-cost-model", "linear");
    await page.fill("#award-cost-zero-at", "2");
    await page.selectOption("#award-climate-model", "linear");
    await page.fill("#award-climate-zero-at", "2");
    await Promise.all([page.waitForURL(/saved=1/), page.click(".award-form button[type=submit]")]);
    expect(await page.locator(".notice").textContent()).toContain("lagret");
    // Billig AS first with 7,00 points; Grønn AS's implied carbon price against Middels AS: 857 kr per tonne
    const firstRow = await page.locator("#cap-award-points").locator("xpath=..").locator("tbody tr").first().innerText();
    expect(firstRow).toContain("Billig AS");
    expect(firstRow).toContain("7,00");
    const implied = await page.locator("#cap-award-implied").locator("xpath=..").locator("tbody tr").first().innerText();
    expect(implied).toContain("Grønn AS");
    expect(implied).toContain("857");
    expect(await page.locator("#award-reference").innerText()).toContain("R-109");
    await checkAccessible(page, "results, nb");

    expect((await page.goto(`${server.url}/cases/${caseId}/award?lang=en`))?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.inputValue("#award-cost-weight")).toBe("70");
    expect(await page.locator("#cap-award-points").innerText()).toContain("Points per criterion");
    await checkAccessible(page, "results, en");
    // the refused form's own 400 is the one error the browser logs; anything else (a CSP violation) fails
    expect(watched.consoleErrors.filter((e) => !e.includes("status of 400")), "console errors (CSP)").toEqual([]);
    await page.context().close();
  }, 60_000);
});
