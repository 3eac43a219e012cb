/**
 * The whole story of Klimanøytral 2027 in one browser (system Chromium
 * through playwright-core), each step through the pages people use, and
 * the dashboard (GET /climate) read before and after each:
 *
 * 1. nothing entered: the dashboard says what is missing;
 * 2. an adviser sets the baseline and a linear target path on /climate/plan:
 *    the dashboard shows the path and the gap in 2027 against the baseline;
 * 3. the adviser imports a Windows-1252 ledger with `;` on /climate/ledgers
 *    and sees the progress bar move: 2025 is measured (the screened tonnes
 *    plus the baseline's direct tonnes) and the projection follows it;
 * 4. the adviser maps an unmapped account from the screening on
 *    /climate/mapping: the measured tonnes grow by what it now carries;
 * 5. a buyer records a decision from a case's comparison page: 2027's
 *    projection falls by what the decision avoids that year, and the cost
 *    of neutrality with it.
 *
 * The expected figures are read from the application layer's screening and
 * decision (the inputs) and added up here; the dashboard's own arithmetic
 * is checked by hand in climate-dashboard.db.test.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../src/app/principal.js";
import { loadExampleCases } from "../../src/examples.js";
import { writeLedger } from "../support/ledger-fixtures.js";
import { launchBrowser, openPage, type WatchedPage } from "./browser.js";
import { startTestServer, type TestServer } from "./harness.js";

const LINES = 20_000;
let server: TestServer;
let browser: Browser;
let dir: string;
let ledgerFile: string;
let adviser: { cookie: string; principal: Principal };
let buyerCookie: string;
let caseId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "webdash-flow-"));
  ledgerFile = join(dir, "hovedbok-2025.csv");
  await writeLedger(ledgerFile, { lines: LINES, encoding: "windows-1252", delimiter: ";", seed: 7 });
  [server, browser] = await Promise.all([startTestServer({ seed: false }), launchBrowser()]);
  const signedIn = await server.clientAs("adviser");
  adviser = { cookie: signedIn.cookie, principal: { ...signedIn.user, via: "web" } };
  buyerCookie = (await server.clientAs("buyer")).cookie;
  // the case the buyer decides on: the office chairs example, saved with its result as the editor saves it
  const chairs = loadExampleCases().find((c) => String(c.title).startsWith("Kontorstoler"))!;
  caseId = (await server.ctx.app.cases.create({ ...server.admin, via: "web" }, chairs)).id;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A browser page signed in with this session cookie. */
async function pageAs(cookie: string): Promise<WatchedPage> {
  const watched = await openPage(browser);
  const at = cookie.indexOf("=");
  await watched.page.context().addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: server.url }]);
  await watched.page.setViewportSize({ width: 1280, height: 900 });
  return watched;
}

type Series = "target" | "measured" | "avoided" | "projected";
/** What the dashboard shows: the chart's figures by series and year (exact, as the page hands them to the chart), its answer and key figures, whether it lists what is missing. */
type Reading = { years: Record<Series, Map<number, number | null>>; answer: string; keys: string[]; decisions: string; missing: boolean; cost: string };

async function readDashboard(page: Page): Promise<Reading> {
  expect((await page.goto(`${server.url}/climate`))?.status()).toBe(200);
  await page.waitForSelector('body[data-charts-ready="true"]');
  const chartText = (await page.locator("#chart-climate-years-data").count()) > 0 ? await page.locator("#chart-climate-years-data").textContent() : null;
  const chart = chartText === null ? { labels: [], datasets: [] } : (JSON.parse(chartText) as { labels: string[]; datasets: { key: Series; data: (number | null)[] }[] });
  const years = Object.fromEntries((["target", "measured", "avoided", "projected"] as const).map((key) => {
    const data = chart.datasets.find((d) => d.key === key)?.data ?? [];
    return [key, new Map(chart.labels.map((label, i) => [Number(label), data[i] ?? null]))];
  })) as Reading["years"];
  const textOf = async (selector: string) => ((await page.locator(selector).count()) > 0 ? (await page.locator(selector).first().innerText()).replace(/[\s\u00a0]+/g, " ").trim() : "");
  return {
    years,
    answer: await textOf("[data-answer]"),
    keys: await page.locator("[data-key-figures] .key-figure").allTextContents(),
    decisions: await textOf("section[aria-labelledby=h-decisions]"),
    missing: (await page.locator("#h-empty").count()) > 0,
    cost: await textOf("section[aria-labelledby=h-cost]"),
  };
}

/** One decimal, as the page writes tonnes in bokmål (its no-break spaces read as spaces, as innerText gives them). */
const shown = (n: number) => new Intl.NumberFormat("nb-NO", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n).replace(/\u00a0/g, " ");

describe("Klimanøytral 2027 from the plan to the decision, in the browser", () => {
  it("the dashboard follows each step: plan, ledger import with progress, mapping, decision", { timeout: 240_000 }, async () => {
    const { page, consoleErrors } = await pageAs(adviser.cookie);

    // 1. nothing entered yet
    const empty = await readDashboard(page);
    expect(empty.missing).toBe(true);
    expect(empty.keys).toEqual([]);
    expect(empty.years.target.size).toBe(0);

    // 2. the adviser's baseline (2023: food 120 t indirect, transport 40 t direct and 10 t indirect) and a straight path to 0 t in 2030
    expect((await page.goto(`${server.url}/climate/plan`))?.status()).toBe(200);
    await page.locator("#plan-baseline-year").fill("2023");
    await page.locator("#plan-indirect-food").fill("120");
    await page.locator("#plan-direct-transport").fill("40");
    await page.locator("#plan-indirect-transport").fill("10");
    await page.locator("#plan-target-kind-shape").check();
    await page.locator("#plan-start-year").fill("2023");
    await page.locator("#plan-start-tonnes").fill("170");
    await page.locator("#plan-end-year").fill("2030");
    await page.locator("#plan-end-tonnes").fill("0");
    await page.locator("#plan-shape-linear").check();
    await page.locator("#plan-neutrality-year").fill("2027");
    await page.locator("#plan-price").fill("1500");
    await page.locator("#plan-source").fill("Kompensasjonspris vedtatt i klimabudsjettet 2026");
    await Promise.all([page.waitForURL(/\/climate\/plan\?saved=1/), page.locator(".plan-form button[type=submit]:not([name])").click()]);

    const planned = await readDashboard(page);
    expect(planned.missing).toBe(true); // no ledger yet
    expect([...planned.years.target.keys()]).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    // the straight line: 170 t less 170/7 t a year, so 2027 is 170 − 4 × 170/7 = 72.857… t
    expect(planned.years.target.get(2027)).toBeCloseTo(170 - (4 * 170) / 7, 6);
    expect(planned.years.measured.get(2023)).toBe(170);
    // nothing after the baseline is measured: every later year is projected at the baseline's 170 t
    expect(planned.years.projected.get(2027)).toBe(170);
    expect(planned.answer).toBe(`I 2027 ventes utslippene å bli ${shown(170)} tonn CO2e, mot et mål på ${shown(170 - (4 * 170) / 7)} tonn. Dere er ikke i rute: det mangler ${shown((4 * 170) / 7)} tonn.`);
    expect(planned.decisions).toContain("Ingen beslutninger er registrert ennå.");

    // 3. the adviser imports the ledger of 2025 (Windows-1252, `;`), watching the progress bar
    expect((await page.goto(`${server.url}/climate/ledgers`))?.status()).toBe(200);
    // the file's head is read as soon as it is chosen, and the column step follows
    await page.locator("#ledger-file").setInputFiles(ledgerFile);
    await page.waitForSelector("#ledger-upload [data-columns] #col-account");
    // every change of the progress bar and the status line is recorded, across the navigation to the summary
    const seen: { value: number; max: number; visible: boolean; status: string }[] = [];
    await page.exposeFunction("recordProgress", (value: number, max: number, visible: boolean, status: string) => seen.push({ value, max, visible, status }));
    await page.evaluate(() => {
      const progress = document.getElementById("ledger-progress") as HTMLProgressElement;
      const box = document.querySelector("[data-progress]") as HTMLElement;
      const status = document.querySelector("[data-status]")!;
      const record = () => (window as unknown as { recordProgress(v: number, m: number, s: boolean, t: string): void }).recordProgress(progress.value, progress.max, !box.hidden, status.textContent ?? "");
      const observer = new MutationObserver(record);
      observer.observe(progress, { attributes: true });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
    await Promise.all([page.waitForURL(/\/climate\/ledgers\/imports\/[^/]+$/, { timeout: 120_000 }), page.locator("[data-submit]").click()]);
    // the bar is shown and counts the file's bytes to the end (on loopback the upload may take one step), and the status line says how far it is
    expect(seen.some((s) => s.visible && s.max > 100 && s.value > 0), `progress seen: ${JSON.stringify(seen.slice(0, 5))}`).toBe(true);
    expect(seen.some((s) => s.visible && s.max > 100 && s.value === s.max)).toBe(true);
    expect(seen.some((s) => /^Importerer … \d{1,3} %$/.test(s.status)), `status seen: ${JSON.stringify(seen.map((s) => s.status).slice(0, 5))}`).toBe(true);

    const screened = await server.ctx.app.ledgers.screening(adviser.principal);
    expect(screened!.byYear.map((y) => y.year)).toEqual([2025]);
    const imported = await readDashboard(page);
    expect(imported.missing).toBe(false);
    // 2025 is measured: the screened tonnes plus the baseline's 40 t direct; the years after are projected from it
    const measured2025 = Number(screened!.totalTonnes) + 40;
    expect(imported.years.measured.get(2025)).toBeCloseTo(measured2025, 6);
    expect(imported.years.measured.get(2024)).toBeNull();
    expect(imported.years.projected.get(2027)).toBeCloseTo(measured2025, 6);
    expect(imported.years.projected.get(2025)).toBeNull();
    expect(imported.answer).toContain(`I 2027 ventes utslippene å bli ${shown(measured2025)} tonn CO2e`);
    expect(await page.locator("table.hot-categories tbody tr").count()).toBeGreaterThan(0);

    // 4. the adviser maps account 195, which the default mapping leaves unmapped, from the screening's list
    expect(screened!.unmapped.some((u) => u.account === "195")).toBe(true);
    await page.goto(`${server.url}/climate/screening`);
    const row195 = page.locator("#unmapped-accounts tbody tr", { has: page.locator("th", { hasText: /^195$/ }) });
    await row195.locator("a").click();
    await page.waitForURL(/\/climate\/mapping\?account=195/);
    await page.locator("#rule-target").selectOption("spend.p74-other-business-services");
    await page.locator("#rule-category").selectOption("services");
    await page.locator("#rule-reason").fill("Lisenser og gebyrer er kjøp av tjenester");
    await Promise.all([page.waitForURL(/saved=1/), page.locator(".rule-form button[type=submit]").click()]);

    const remapped = await server.ctx.app.ledgers.screening(adviser.principal);
    expect(remapped!.unmapped.some((u) => u.account === "195")).toBe(false);
    const mapped = await readDashboard(page);
    const measuredMapped = Number(remapped!.totalTonnes) + 40;
    expect(measuredMapped).toBeGreaterThan(measured2025);
    expect(mapped.years.measured.get(2025)).toBeCloseTo(measuredMapped, 6);
    expect(mapped.years.projected.get(2027)).toBeCloseTo(measuredMapped, 6);
    expect(mapped.cost).toContain("Beslutningene senker kostnaden med 0 kr");

    // 5. a buyer records the decision of the office chairs case from its comparison page: from July 2026 for 18 months
    const buyer = await pageAs(buyerCookie);
    expect((await buyer.page.goto(`${server.url}/cases/${caseId}`))?.status()).toBe(200);
    await Promise.all([buyer.page.waitForURL(new RegExp(`/cases/${caseId}/decision$`)), buyer.page.locator(`a[href="/cases/${caseId}/decision"]`).first().click()]);
    await buyer.page.locator('input[name="chosen"]:not([value="A"])').first().check();
    await buyer.page.locator("#decision-contract-start").fill("2026-07");
    await buyer.page.locator("#decision-contract-months").fill("18");
    await buyer.page.locator("#decision-category").selectOption("furniture");
    await buyer.page.locator('input[name="strategyArea"][value="climate-environment"]').check();
    await Promise.all([buyer.page.waitForURL(/\/climate\/decisions\?recorded=/), buyer.page.locator(".decision-form button[type=submit]").click()]);
    expect(buyer.consoleErrors).toEqual([]);
    await buyer.page.context().close();

    const [decision] = await server.ctx.app.decisions.list(adviser.principal);
    const avoided2027 = Number(decision!.avoidedByYear.find((y) => y.year === 2027)!.tonnes);
    expect(avoided2027).toBeGreaterThan(0);
    const decided = await readDashboard(page);
    expect(decided.years.avoided.get(2027)).toBeCloseTo(avoided2027, 6);
    // 2027 is projected from 2025 less what the decision avoids in 2027; 2025 stays as measured
    expect(decided.years.projected.get(2027)).toBeCloseTo(measuredMapped - avoided2027, 6);
    expect(decided.years.measured.get(2025)).toBeCloseTo(measuredMapped, 6);
    expect(decided.decisions).toContain("Registrerte beslutninger 1");
    expect(decided.answer).toContain(`I 2027 ventes utslippene å bli ${shown(measuredMapped - avoided2027)} tonn CO2e`);
    // the cost of neutrality falls by 2027's avoided tonnes × 1 500 kr
    const lowered = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 0 }).format(Math.round(avoided2027 * 1500)).replace(/\u00a0/g, " ");
    expect(decided.cost).toContain(`Beslutningene senker kostnaden med ${lowered} kr`);

    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
