/**
 * The case editor keeps pace: with JavaScript on, a three-alternative case
 * with ten rows each is built in the page with no page load between rows
 * (the add and remove buttons are caught by public/js/editor-rows.js), and
 * it saves exactly what the same case built without JavaScript saves (every
 * button a form post). A draft survives a lost session (login and back)
 * and a form over the body limit (the 413 page), and the editor with a row
 * added passes axe.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, seriousViolations } from "./browser.js";
import { ADMIN_EMAIL, startTestServer, TEST_PASSWORD, type TestServer } from "./harness.js";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ALTERNATIVES = 3;
const EMISSIONS = 5;
const COSTS = 5;
const FACTOR = "material.metals.construction.primary";

const at = (page: Page, name: string) => page.locator(`[name="${name}"]`);
const button = (page: Page, value: string) => page.locator(`button[name="action"][value="${value}"]`);

/** Clicks a row button; without JavaScript that posts the form and the page is rendered back. */
async function press(page: Page, value: string, javaScript: boolean) {
  if (javaScript) return button(page, value).click({ noWaitAfter: true });
  await Promise.all([page.waitForNavigation(), button(page, value).click()]);
}

/**
 * Three alternatives of five emission and five cost rows: each list gets one
 * row too many, whose third row is removed again (so the rows after it are
 * renumbered), then every field is filled and the case saved. Starts on
 * /cases/new; returns the saved case's id.
 */
async function buildCase(page: Page, javaScript: boolean): Promise<string> {
  await shapeCase(page, javaScript);
  await fillCase(page);
  return save(page);
}

async function shapeCase(page: Page, javaScript: boolean) {
  await at(page, "title").fill("Tre alternativer, ti rader hver");
  for (let a = 1; a < ALTERNATIVES; a++) await press(page, "add-alternative", javaScript);
  for (let a = 0; a < ALTERNATIVES; a++) {
    for (let r = 1; r <= EMISSIONS; r++) await press(page, `add-emission:${a}`, javaScript);
    for (let r = 1; r <= COSTS; r++) await press(page, `add-cost:${a}`, javaScript);
    await at(page, `alternatives[${a}].emissions[2].label`).fill("fjernes");
    await press(page, `remove-emission:${a}:2`, javaScript);
    await press(page, `remove-cost:${a}:2`, javaScript);
  }
}

async function fillCase(page: Page) {
  for (let a = 0; a < ALTERNATIVES; a++) {
    const alt = `alternatives[${a}]`;
    await at(page, `${alt}.name`).fill(`Alternativ med navn ${a + 1}`);
    for (let r = 0; r < EMISSIONS; r++) {
      await at(page, `${alt}.emissions[${r}].label`).fill(`Stål ${a + 1}.${r + 1}`);
      await at(page, `${alt}.emissions[${r}].factor`).fill(FACTOR);
      await at(page, `${alt}.emissions[${r}].quantity`).fill(`${100 * (a + 1) + r} kg`);
    }
    for (let r = 0; r < COSTS; r++) {
      await at(page, `${alt}.costs[${r}].amount`).fill(String(1000 * (a + 1) + r));
      await at(page, `${alt}.costs[${r}].at`).fill(String(r));
    }
  }
}

async function save(page: Page): Promise<string> {
  await Promise.all([page.waitForURL(/\/cases\/[^/]+$/), page.locator('.editor-actions button[value="save"]').click()]);
  return new URL(page.url()).pathname.split("/").pop()!;
}

async function storedDocument(id: string) {
  const response = await fetch(`${server.url}/api/v1/cases/${id}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { document: { alternatives: { id: string; name: string; emissions: Record<string, unknown>[]; costs: Record<string, unknown>[] }[] } }).document;
}

/** A browser signed in through the login page of the app itself (not the test harness's signed-in front). */
async function signedInContext(): Promise<{ context: BrowserContext; page: Page }> {
  const { page } = await openPage(browser);
  await page.goto(`${server.publicUrl}/login`);
  await logIn(page);
  return { context: page.context(), page };
}

async function logIn(page: Page) {
  await page.locator('[name="email"]').fill(ADMIN_EMAIL);
  await page.locator('[name="password"]').fill(TEST_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.locator('.login-form button[type="submit"]').click()]);
}

describe("the case editor without reloads", () => {
  let withScript = "";
  /** The same case built without JavaScript, in a context of its own; started beside the build with JavaScript, compared with it in the second test. */
  let withoutScriptBuild: Promise<string> | undefined;
  const buildWithoutScript = async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/cases/new`);
      return await buildCase(page, false);
    } finally {
      await context.close();
    }
  };

  it("builds three alternatives of ten rows each in the page, with no page load, and saves what was typed", async () => {
    withoutScriptBuild = buildWithoutScript();
    // its failure is reported by the test that reads it
    withoutScriptBuild.catch(() => undefined);
    const watched = await openPage(browser);
    const { page } = watched;
    let loads = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) loads++;
    });
    await page.goto(`${server.url}/cases/new`);
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = "same page"));
    const before = loads;
    await shapeCase(page, true);
    await fillCase(page);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("same page");
    expect(loads - before, "no page load while building").toBe(0);
    withScript = await save(page);
    expect(watched.consoleErrors).toEqual([]);

    const doc = await storedDocument(withScript);
    expect(doc.alternatives.map((a) => a.id)).toEqual(["A", "B", "C"]);
    for (const [a, alt] of doc.alternatives.entries()) {
      expect(alt.name).toBe(`Alternativ med navn ${a + 1}`);
      expect(alt.emissions.length + alt.costs.length).toBe(10);
      expect(alt.emissions.map((e) => [e.label, e.factor, e.quantity])).toEqual(Array.from({ length: EMISSIONS }, (_, r) => [`Stål ${a + 1}.${r + 1}`, FACTOR, `${100 * (a + 1) + r} kg`]));
      expect(alt.costs.map((c) => [c.amount, c.at ?? 0])).toEqual(Array.from({ length: COSTS }, (_, r) => [1000 * (a + 1) + r, r]));
    }
    await page.context().close();
  }, 240_000);

  it("builds the same case without JavaScript by posting each button, and saves the same document", async () => {
    const withoutScript = await (withoutScriptBuild ?? buildWithoutScript());
    expect(withScript).not.toBe("");
    expect(await storedDocument(withoutScript)).toEqual(await storedDocument(withScript));
  }, 240_000);

  it("numbers a new row as the server would, announces it, moves the focus to it, and passes axe", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.url}/cases/new`);
    await button(page, "add-emission:0").click();
    const row = page.locator('fieldset[id="alternatives[0].emissions[1]"]');
    await expect.poll(() => row.locator("legend").textContent()).toBe("Utslipp 2");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("alternatives[0].emissions[1].label");
    await expect.poll(() => page.locator("#editor-rows-status").textContent()).toBe("Rad lagt til");
    expect(await row.locator('button[name="action"]').getAttribute("value")).toBe("remove-emission:0:1");
    expect(await row.locator('label[for="alternatives[0].emissions[1].quantity"]').count()).toBe(1);
    // The list's hint is described once, above the rows, and every row's field points to it.
    expect(await page.locator('[name="alternatives[0].emissions[1].quantity"]').getAttribute("aria-describedby")).toBe("alternatives[0].emissions-hint-quantity");
    expect(await page.locator('[id="alternatives[0].emissions-hint-quantity"]').count()).toBe(1);
    await button(page, "add-alternative").click();
    await expect.poll(() => page.locator('[id="alternatives[1]-title"]').textContent()).toBe("Alternativ 2: B");
    expect(await page.locator('#baseline option[value="B"]').count()).toBe(1);
    // Two alternatives: each can be removed; back to one, none can.
    expect(await button(page, "remove-alternative:0").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await button(page, "remove-alternative:0").click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("add-alternative");
    expect(await page.locator('[name="alternatives[0].id"]').inputValue()).toBe("B");
    expect(await page.locator('button[value^="remove-alternative"]').count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it("keeps the error summary's links on their fields when a row above is removed in the page, and drops the removed row's", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.url}/cases/new`);
    await at(page, "title").fill("Feil i rad 2 og 3");
    await at(page, "alternatives[0].name").fill("Stål");
    await button(page, "add-emission:0").click();
    await button(page, "add-emission:0").click();
    const quantities = ["10 kg", "12 parsecs", "1.200 kg"];
    for (const [r, quantity] of quantities.entries()) {
      await at(page, `alternatives[0].emissions[${r}].label`).fill(`Rad ${r + 1}`);
      await at(page, `alternatives[0].emissions[${r}].factor`).fill(FACTOR);
      await at(page, `alternatives[0].emissions[${r}].quantity`).fill(quantity);
    }
    await Promise.all([page.waitForNavigation(), page.locator('.editor-actions button[value="save"]').click()]);
    const links = () => page.locator("#error-summary a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(await links()).toEqual(expect.arrayContaining(["#alternatives[0].emissions[1].quantity", "#alternatives[0].emissions[2].quantity"]));
    await button(page, "remove-emission:0:1").click();
    const after = await links();
    expect(after).not.toContain("#alternatives[0].emissions[2].quantity");
    // the «1.200 kg» row is now the second: its link follows it, and the removed row's link is gone
    expect(after.filter((href) => href === "#alternatives[0].emissions[1].quantity")).toHaveLength(1);
    const targets = await page.locator("#error-summary a").evaluateAll((as) => as.map((a) => (document.getElementById(a.getAttribute("href")!.slice(1)) as HTMLInputElement | null)?.value ?? null));
    expect(targets).toContain("1.200 kg");
    expect(targets).not.toContain("12 parsecs");
    await page.context().close();
  }, 60_000);

  it("offers the draft back after a lost session: save, login, and the editor with what was typed", async () => {
    const { context, page } = await signedInContext();
    await page.goto(`${server.publicUrl}/cases/${withScript}/edit`);
    await at(page, "title").fill("Skrevet før økten gikk ut");
    await button(page, "add-cost:1").click();
    await at(page, "alternatives[1].costs[5].amount").fill("4242");
    await context.clearCookies();
    await Promise.all([page.waitForURL(/\/login\?/), page.locator('.editor-actions button[value="save"]').click()]);
    await logIn(page);
    expect(new URL(page.url()).pathname).toBe(`/cases/${withScript}/edit`);
    await page.getByRole("button", { name: "Gjenopprett utkastet" }).click();
    expect(await at(page, "title").inputValue()).toBe("Skrevet før økten gikk ut");
    expect(await at(page, "alternatives[1].costs[5].amount").inputValue()).toBe("4242");
    await Promise.all([page.waitForURL(/\/cases\/[^/]+$/), page.locator('.editor-actions button[value="save"]').click()]);
    const doc = (await storedDocument(withScript)) as unknown as { title: string; alternatives: { costs: { amount: number }[] }[] };
    expect(doc.title).toBe("Skrevet før økten gikk ut");
    expect(doc.alternatives[1]!.costs[5]!.amount).toBe(4242);
    // Saved: the draft is not offered again.
    await page.goto(`${server.publicUrl}/cases/${withScript}/edit`);
    expect(await page.locator("#draft-offer").count()).toBe(0);
    await context.close();
  }, 120_000);

  it("keeps a paste too large to send: the 413 page names the limit and leads back to the draft", async () => {
    const { context, page } = await signedInContext();
    await page.goto(`${server.publicUrl}/cases/${withScript}/edit`);
    const huge = "Lang tekst. ".repeat(100_000);
    await at(page, "functionalUnit").fill(huge);
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator('.editor-actions button[value="save"]').click()]);
    expect(response.status()).toBe(413);
    await page.waitForSelector("h1");
    expect(await page.locator("main").innerText()).toContain("1 MB");
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Tilbake til saken, med utkastet" }).click()]);
    await page.getByRole("button", { name: "Gjenopprett utkastet" }).click();
    expect(await at(page, "functionalUnit").inputValue()).toBe(huge);
    await context.close();
  }, 120_000);
});
