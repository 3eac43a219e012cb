/**
 * The climate plan, the decision form and the decisions register in the
 * real browser, in bokmål and English: axe-core finds nothing serious, no
 * page scrolls sideways at 320 CSS px (WCAG 1.4.10; a wide table scrolls
 * in its own named region), no console error (the CSP allows no inline
 * script), and a form refused in the browser shows its problems at 320 px
 * as well. One server and one browser for the file.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, seriousViolations } from "./browser.js";
import { startTestServer, type TestServer } from "./harness.js";

const WIDTH = 320;
let server: TestServer;
let browser: Browser;
let adviserCookie: string;
let buyerCookie: string;
let caseId: string;

const perUnit = (kg: number) => ({ factor: { value: kg, unit: "kgCO2e/unit" }, quantity: "1 unit" });
const CASE = {
  schema: "kalkyle.case/1",
  title: "Skolebusser med et langt navn som må brytes på en smal skjerm",
  analysis: { startYear: 2026, years: 2, discountRate: 0 },
  baseline: "A",
  alternatives: [
    { id: "A", name: "Dieselbusser", emissions: [{ label: "Drift", kind: "fixed", ...perUnit(2000), every: 1 }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 1000 }] },
    { id: "B", name: "Elbusser", emissions: [{ label: "Drift", kind: "fixed", ...perUnit(800), every: 1 }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 800 }] },
  ],
};

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  browser = await launchBrowser();
  const adviser = await server.clientAs("adviser");
  adviserCookie = adviser.cookie;
  await adviser.get("/climate/plan");
  const saved = await adviser.postForm("/climate/plan", {
    version: "0",
    baselineYear: "2023",
    "direct-energy": "1 234,5",
    "indirect-food": "800",
    "indirect-construction": "12 345 678,25",
    targetKind: "years",
    "targetYear-0": "2023",
    "targetTonnes-0": "2 034,5",
    "targetYear-1": "2030",
    "targetTonnes-1": "0",
    neutralityYear: "2027",
    price: "1 250",
    source: "Testpris for kompensasjon, med en lang kilde: https://example.org/en/veldig/lang/adresse/til/en/kilde/som/ma/brytes",
  });
  expect(saved.status).toBe(303);
  caseId = (await server.ctx.app.cases.create({ ...server.admin, via: "web" }, CASE)).id;
  const buyer = await server.clientAs("buyer");
  buyerCookie = buyer.cookie;
  await buyer.get(`/cases/${caseId}/decision`);
  const recorded = await buyer.postForm(`/cases/${caseId}/decision`, { chosen: "B", contractStart: "2027-01", contractMonths: "24", category: "transport", strategyArea: "climate-environment", note: "Vedtatt i utvalg for teknikk og miljø" });
  expect(recorded.status).toBe(303);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page of its own at 320 px as the member with this session cookie, in the language asked for (switched with the page's own switch). */
async function openAs(cookie: string, lang: "nb" | "en") {
  const watched = await openPage(browser);
  const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
  await watched.page.context().addCookies([{ name, value, url: server.url }]);
  await watched.page.setViewportSize({ width: WIDTH, height: 640 });
  await watched.page.goto(`${server.url}/climate/plan`);
  if (lang === "en") {
    await watched.page.locator(".lang-switch button").click();
    await watched.page.waitForSelector('html[lang="en"]');
  }
  return watched;
}

/** What is wrong with the page as shown now: wider than the screen, a scroller a keyboard cannot reach or a screen reader cannot name, a serious axe finding. */
async function problemsOf(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > WIDTH) problems.push(`${label}: the page is ${width} px wide at ${WIDTH} px`);
  const unnamed = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>("body *"))
      .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
      .filter((el) => el.tabIndex < 0 || el.getAttribute("role") !== "region" || !el.getAttribute("aria-labelledby"))
      .map((el) => el.className),
  );
  for (const box of unnamed) problems.push(`${label}: .${box} scrolls sideways but is not a focusable, named region`);
  for (const v of await seriousViolations(page)) problems.push(`${label}: axe ${v.impact} ${v.id} (${v.nodes}×): ${v.help}`);
  return problems;
}

describe("the climate plan and the decisions register at 320 CSS px, axe-clean", () => {
  for (const lang of ["nb", "en"] as const) {
    it(`the adviser's plan, its form refused, a saved version, and the register (${lang})`, async () => {
      const { page, consoleErrors } = await openAs(adviserCookie, lang);
      const problems: string[] = [];
      const visit = async (path: string) => {
        const answer = await page.goto(server.url + path);
        expect(answer?.status(), path).toBe(200);
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        problems.push(...(await problemsOf(page, `${lang} ${path}`)));
      };
      await visit("/climate/plan");
      // a number that cannot be read: the page comes back (400) with the summary at the top and the problem beside the field
      await page.locator("#plan-direct-food").fill("12,5x");
      await page.locator(".form-actions button:not([name])").click();
      await page.waitForSelector("#plan-errors");
      expect(await page.locator("#plan-direct-food-error").textContent()).toContain("12,5x");
      expect(await page.inputValue("#plan-direct-food")).toBe("12,5x");
      problems.push(...(await problemsOf(page, `${lang} /climate/plan refused`)));
      // "five more rows" without a script: the same entry, more rows
      await page.locator('button[name="addRows"]').click();
      await page.waitForSelector("#plan-target-year-11");
      expect(await page.inputValue("#plan-direct-food")).toBe("12,5x");
      await visit("/climate/plan/versions/1");
      await visit("/climate/decisions");
      expect(problems).toEqual([]);
      // the refused form's own answer (400) is the one error the console may show
      expect(consoleErrors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    });

    it(`the buyer's read-only plan, the decision form (also refused) and the register with its delete confirmation (${lang})`, async () => {
      const { page, consoleErrors } = await openAs(buyerCookie, lang);
      const problems: string[] = [];
      const visit = async (path: string) => {
        const answer = await page.goto(server.url + path);
        expect(answer?.status(), path).toBe(200);
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        problems.push(...(await problemsOf(page, `${lang} ${path}`)));
      };
      await visit("/climate/plan");
      expect(await page.locator('form[action="/climate/plan"]').count()).toBe(0);
      await visit(`/cases/${caseId}/decision`);
      // the month field: a browser without a month picker is a text field, and text it cannot read is refused beside it
      await page.locator("#decision-contract-months").fill("2 4x");
      await page.locator(".decision-form button[type=submit]").click();
      await page.waitForSelector("#decision-errors");
      expect(await page.inputValue("#decision-contract-months")).toBe("2 4x");
      problems.push(...(await problemsOf(page, `${lang} /cases/:id/decision refused`)));
      await visit("/climate/decisions");
      const deleteHref = await page.locator("table.decisions a[href$='/delete']").first().getAttribute("href");
      await visit(deleteHref!);
      expect(problems).toEqual([]);
      // the refused form's own answer (400) is the one error the console may show
      expect(consoleErrors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    });
  }
});
