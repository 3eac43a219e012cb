/**
 * Units and numbers as a buyer types them, in the real browser (system
 * Chromium through playwright-core): a diesel van driving «1 500 mil»
 * gives exactly the figures of one driving «15 000 km» (a mil is the
 * Scandinavian mile, 10 km); «1,200 kg» in the English editor is saved as
 * 1200 kg; «1.200 kg» in the bokmål editor is refused at its field, with
 * the message beside it, aria-invalid and the typed text kept; a discount
 * rate of «150 %» is refused as over «høyst 100 %».
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "./browser.js";
import { startTestServer, type TestServer } from "./harness.js";

/** DEFRA 2025, diesel van average (up to 3.5 t), in the bundled set. */
const VAN = "vehicle.van.diesel.average";
const STEEL = "material.metals.construction.primary";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);
const save = (page: Page) => page.locator('button[value="save"]:not(.visually-hidden)').click();

async function fillEmission(page: Page, alternative: number, values: { id: string; name: string; kind: string; factor: string; quantity: string }) {
  const at = (name: string) => field(page, `alternatives[${alternative}].${name}`);
  await at("id").fill(values.id);
  await at("name").fill(values.name);
  await at("emissions[0].kind").selectOption(values.kind);
  await at("emissions[0].factor").fill(values.factor);
  await at("emissions[0].quantity").fill(values.quantity);
}

/** The saved case's document, through the JSON API. */
async function savedDocument(caseUrl: string): Promise<Record<string, unknown>> {
  const id = new URL(caseUrl).pathname.split("/").pop()!;
  const res = await fetch(`${server.url}/api/v1/cases/${id}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { document: Record<string, unknown> }).document;
}

type Result = { alternatives: { id: string; emissions: { totalKg: number } }[] };

describe("units and numbers typed in the editor", () => {
  it("a van driving «1 500 mil» gives exactly the kg CO2e of one driving «15 000 km»", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.url}/cases/new`);
    await field(page, "title").fill("Varelevering i mil og km");
    await fillEmission(page, 0, { id: "MIL", name: "Varebil, 1 500 mil", kind: "delivery", factor: VAN, quantity: "1 500 mil" });
    await page.locator('button[value="add-alternative"]').click();
    await page.waitForSelector('[name="alternatives[1].name"]');
    await fillEmission(page, 1, { id: "KM", name: "Varebil, 15 000 km", kind: "delivery", factor: VAN, quantity: "15 000 km" });
    await save(page);
    await page.waitForURL(/\/cases\/[^/]+$/);

    const doc = await savedDocument(page.url());
    const quantities = (doc.alternatives as { emissions: { quantity: string }[] }[]).map((a) => a.emissions[0]!.quantity);
    expect(quantities).toEqual(["1500 mil", "15000 km"]);
    const res = await fetch(`${server.url}/api/v1/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(doc) });
    expect(res.status).toBe(200);
    const result = (await res.json()) as Result;
    const kg = Object.fromEntries(result.alternatives.map((a) => [a.id, a.emissions.totalKg]));
    // 15 000 km × 0.25561 kg CO2e/km = 3 834.15 kg, both ways
    expect(kg.MIL).toBe(3834.15);
    expect(kg.KM).toBe(kg.MIL);
    // and the comparison page shows the same figure (3,83 t) for both alternatives
    const text = await page.locator("main").innerText();
    expect(text.match(/3,83/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });

  it("«1,200 kg» in the English editor is saved as 1200 kg", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await page.locator(".lang-switch button").click();
    await page.waitForSelector('html[lang="en"]');
    await page.goto(`${server.url}/cases/new`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await field(page, "title").fill("Steel desks");
    await fillEmission(page, 0, { id: "A", name: "Steel", kind: "material", factor: STEEL, quantity: "1,200 kg" });
    await save(page);
    await page.waitForURL(/\/cases\/[^/]+$/);
    const doc = await savedDocument(page.url());
    expect((doc.alternatives as { emissions: { quantity: string }[] }[])[0]!.emissions[0]!.quantity).toBe("1200 kg");
    await page.context().close();
  });

  it("«1.200 kg» in the bokmål editor is refused at its field: the message beside it, aria-invalid, the text kept; «150 %» as a discount rate is over «høyst 100 %»", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.url}/cases/new`);
    expect(await page.getAttribute("html", "lang")).toBe("nb");
    await field(page, "title").fill("Stålpulter med punktum");
    await fillEmission(page, 0, { id: "A", name: "Stål", kind: "material", factor: STEEL, quantity: "1.200 kg" });
    await field(page, "analysis.discountRate").fill("150 %");
    await save(page);
    await page.waitForSelector('[role="alert"]');
    const quantity = field(page, "alternatives[0].emissions[0].quantity");
    expect(await quantity.inputValue()).toBe("1.200 kg");
    expect(await quantity.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await quantity.getAttribute("aria-describedby")) ?? "";
    const messages = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
    // the point could be a thousands separator or a decimal sign: both readings are offered
    expect(messages.join(" ")).toMatch(/«1\.200»: punktum.*«1\s200» eller «1,2»/s);
    expect(new URL(page.url()).pathname).not.toMatch(/^\/cases\/[^/]+$/);
    // a percent field takes "150 %" as 150 %, and its limit is said in percent
    const rate = field(page, "analysis.discountRate");
    expect(await rate.inputValue()).toBe("150 %");
    expect(await rate.getAttribute("aria-invalid")).toBe("true");
    const rateIds = ((await rate.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
    const rateMessages = await Promise.all(rateIds.map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(rateMessages.join(" ")).toMatch(/høyst 100\s%/);
    await page.context().close();
  });
});
