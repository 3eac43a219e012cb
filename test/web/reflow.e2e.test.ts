/**
 * WCAG 2.1 1.4.10 Reflow in the real browser: at 320 × 640 CSS px no page
 * scrolls sideways. Only a data table or a chart may be wider than the
 * screen, and then inside its own scrolling box, which a keyboard can reach
 * and a screen reader can name. Every page is also checked with axe at that
 * width, in bokmål and in English.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExampleCases } from "../../src/examples.js";
import { launchBrowser, openPage, seriousViolations } from "./browser.js";
import { startTestServer, type TestServer } from "./harness.js";

const WIDTH = 320;
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

/** The example with the most emission and cost rows: the longest editor and the widest tables. */
async function largestExampleId(): Promise<string> {
  const rows = (doc: Record<string, unknown>) =>
    (doc.alternatives as { emissions?: unknown[]; costs?: unknown[] }[]).reduce((n, a) => n + (a.emissions?.length ?? 0) + (a.costs?.length ?? 0), 0);
  const largest = loadExampleCases().reduce((a, b) => (rows(b) > rows(a) ? b : a));
  const { cases } = await server.store.cases.list({ search: String(largest.title), limit: 10 });
  return cases.find((c) => c.title === largest.title)!.id;
}

type Overflow = { pageWidth: number; offenders: string[] };

/**
 * Runs in the page: how wide the document is, and which boxes or runs of text
 * reach past the right edge without a scrolling ancestor to hold them (an
 * absolutely positioned box escapes every scroller below its containing block).
 * Widest first, then the one furthest right.
 */
function measureOverflow(width: number): Overflow {
  const clips = (el: Element) => getComputedStyle(el).overflowX !== "visible";
  const heldByScroller = (node: Node): boolean => {
    const el = node instanceof Element ? node : node.parentElement!;
    if (!(node instanceof Element) && clips(el)) return true;
    let position = getComputedStyle(el).position;
    if (position === "fixed") return false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const own = getComputedStyle(a).position;
      if (position === "absolute" && own === "static") continue;
      if (clips(a)) return true;
      if (own !== "static") position = own === "fixed" ? "fixed" : "relative";
    }
    return false;
  };
  const pathOf = (el: Element) => {
    const parts: string[] = [];
    for (let a: Element | null = el; a && a !== document.body && parts.length < 4; a = a.parentElement) {
      const classes = typeof a.className === "string" && a.className.trim() ? "." + a.className.trim().split(/\s+/).join(".") : "";
      parts.unshift(a.tagName.toLowerCase() + (a.id ? "#" + a.id : "") + classes);
    }
    return parts.join(" > ");
  };
  const found: { what: string; right: number; width: number }[] = [];
  const note = (what: string, box: DOMRect, text: string | null) =>
    found.push({ what: `${what} (right edge ${Math.round(box.right)} px, ${Math.round(box.width)} px wide): «${(text ?? "").trim().replace(/\s+/g, " ").slice(0, 60)}»`, right: box.right, width: box.width });
  for (const el of Array.from(document.body.querySelectorAll("*"))) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 0.5 && box.width > 0 && !heldByScroller(el)) note(pathOf(el), box, el.textContent);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (!text.textContent?.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(text);
    const box = range.getBoundingClientRect();
    if (box.right > width + 0.5 && !heldByScroller(text)) note(`text in ${pathOf(text.parentElement!)}`, box, text.textContent);
  }
  const widest = [...found].sort((a, b) => b.width - a.width).slice(0, 3);
  const furthest = [...found].sort((a, b) => b.right - a.right)[0];
  const offenders = [...new Set([...widest, ...(furthest ? [furthest] : [])].map((f) => f.what))];
  return { pageWidth: document.documentElement.scrollWidth, offenders };
}

/** Runs in the page: every box that scrolls sideways, unless it can take focus and has a name as a region. */
function unreachableScrollers(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>("body *"))
    .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
    .filter((el) => el.tabIndex < 0 || el.getAttribute("role") !== "region" || !(el.getAttribute("aria-labelledby") || el.getAttribute("aria-label")))
    .map((el) => `${el.tagName.toLowerCase()}.${el.className} around ${el.firstElementChild?.className ?? "?"}`);
}

/** Problems with one page as it is shown now, in words. */
async function checkPage(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  const overflow = await page.evaluate(measureOverflow, WIDTH);
  if (overflow.pageWidth > WIDTH) problems.push(`${label}: the page is ${overflow.pageWidth} px wide at ${WIDTH} px; past the edge: ${overflow.offenders.join("; ") || "(nothing found)"}`);
  for (const box of await page.evaluate(unreachableScrollers)) problems.push(`${label}: ${box} scrolls sideways but is not a focusable, named region`);
  for (const v of await seriousViolations(page)) problems.push(`${label}: axe ${v.impact} ${v.id} (${v.nodes}×): ${v.help}`);
  return problems;
}

async function openAt320(lang: "nb" | "en") {
  const watched = await openPage(browser);
  await watched.page.setViewportSize({ width: WIDTH, height: 640 });
  await watched.page.goto(`${server.url}/`);
  if (lang === "en") {
    await watched.page.locator(".lang-switch button").click();
    await watched.page.waitForSelector('html[lang="en"]');
  }
  return watched;
}

describe("at 320 CSS px wide (WCAG 1.4.10 Reflow)", () => {
  for (const lang of ["nb", "en"] as const) {
    it(`no page scrolls sideways, wide tables scroll in a named region, and axe finds nothing serious (${lang})`, async () => {
      const id = await largestExampleId();
      const watched = await openAt320(lang);
      const { page } = watched;
      const problems: string[] = [];
      const visit = async (path: string, ready?: string) => {
        await page.goto(server.url + path);
        if (ready) await page.waitForSelector(ready);
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        problems.push(...(await checkPage(page, `${lang} ${path}`)));
      };

      await visit("/");
      await visit(`/cases/${id}/edit`);
      // the factor picker opens inside the first emission row, beside a long factor id
      await page.locator('button[aria-controls="factor-picker"]').first().click();
      await page.locator("#factor-picker-q").fill("diesel");
      await page.waitForSelector("#factor-picker-results li");
      problems.push(...(await checkPage(page, `${lang} /cases/${id}/edit with the factor picker open`)));
      await visit(`/cases/${id}`, "body[data-charts-ready]");
      await visit(`/cases/${id}/report`, "body[data-charts-ready]");
      await visit("/factors");
      await visit("/factors?q=diesel");
      await visit("/import");
      // a refused import lists each problem with its path, and a long path must wrap too
      await page.locator("#import-json").fill(JSON.stringify({ schema: "kalkyle.case/1", title: "", analysis: { startYear: 2026, years: 10 }, alternatives: [{ id: "A", name: "A", emissions: [{ label: "x", kind: "material", factor: "material.metals.construction.closed-loop.does-not-exist", quantity: "1 kg" }] }] }));
      await page.locator(".import-form button[type=submit]").click();
      await page.waitForSelector("#error-summary");
      problems.push(...(await checkPage(page, `${lang} /import with problems`)));

      // one's own page and the administrator's pages (members, API tokens), the audit trail with a refused date among them
      await visit("/account");
      await visit("/admin/users");
      await visit(`/admin/users/${server.admin.userId}/password`);
      await visit("/admin/tokens");
      await visit("/admin/audit");
      await visit("/admin/audit?from=2026-02-30");

      // the login page, as a visitor without a session sees it (the app itself, not the harness's signed-in front), and after a wrong password
      const visitor = await openPage(browser);
      await visitor.page.setViewportSize({ width: WIDTH, height: 640 });
      await visitor.page.goto(`${server.publicUrl}/login`);
      if (lang === "en") {
        await visitor.page.locator(".lang-switch button").click();
        await visitor.page.waitForSelector('html[lang="en"]');
      }
      problems.push(...(await checkPage(visitor.page, `${lang} /login`)));
      await visitor.page.locator('[name="email"]').fill("en-svaert-lang-adresse-som-maa-brytes@eksempel.kommune.no");
      await visitor.page.locator('[name="password"]').fill("ikke-passordet");
      await visitor.page.locator('.login-form button[type="submit"]').click();
      await visitor.page.waitForSelector("#error-summary");
      expect(await visitor.page.getAttribute("html", "lang")).toBe(lang);
      problems.push(...(await checkPage(visitor.page, `${lang} /login after a wrong password`)));

      expect(problems).toEqual([]);
      // Chromium logs the refused import's 400 (and the refused login's 401) as a console error; that is the page itself, not a fault
      expect(watched.consoleErrors.filter((e) => !e.includes("responded with a status of 400")), `${lang}: console errors`).toEqual([]);
      expect(visitor.consoleErrors.filter((e) => !e.includes("responded with a status of 401")), `${lang} /login: console errors`).toEqual([]);
      await visitor.page.context().close();
      await page.context().close();
    }, 120_000);
  }
});
