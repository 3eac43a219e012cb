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
import { SESSION_COOKIE } from "../../src/web/session.js";
import { launchBrowser, openPage, seriousViolations } from "./browser.js";
import { startTestServer, type TestServer } from "./harness.js";

const WIDTH = 320;
let server: TestServer;
let browser: Browser;
/** A member who may read cases but not manage members: the administrator's pages refuse them (403), and the member list offers to remove them. */
let adviser: Awaited<ReturnType<TestServer["clientAs"]>>;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  adviser = await server.clientAs("adviser");
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
  // nothing past the edge: no need to look for the offenders (the walk over every box and text is the slow part)
  if (document.documentElement.scrollWidth <= width) return { pageWidth: document.documentElement.scrollWidth, offenders: [] };
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

/**
 * The examples' ids: the largest first (the longest editor, the widest tables), then the one with the most
 * alternatives (the widest ranking and charts), then the rest.
 */
async function exampleIds(): Promise<string[]> {
  const largest = await largestExampleId();
  const examples = loadExampleCases();
  const most = examples.reduce((a, b) => ((b.alternatives as unknown[]).length > (a.alternatives as unknown[]).length ? b : a));
  const { cases } = await server.store.cases.list({ limit: 100 });
  const titles = new Set(examples.map((c) => String(c.title)));
  const ids = cases.filter((c) => titles.has(c.title)).map((c) => ({ id: c.id, rank: c.id === largest ? 0 : c.title === most.title ? 1 : 2 }));
  expect(ids).toHaveLength(examples.length);
  return ids.sort((a, b) => a.rank - b.rank).map((c) => c.id);
}

/** A browser page of its own at 320 px, in the language asked for (switched once, with the page's own switch). */
async function openAt320(lang: "nb" | "en", base: string = server.url, start = "/", cookie?: string) {
  const watched = await openPage(browser);
  if (cookie) await watched.page.context().addCookies([{ name: cookie.slice(0, cookie.indexOf("=")), value: cookie.slice(cookie.indexOf("=") + 1), url: base }]);
  await watched.page.setViewportSize({ width: WIDTH, height: 640 });
  await watched.page.goto(base + start);
  if (lang === "en") {
    await watched.page.locator(".lang-switch button").click();
    await watched.page.waitForSelector('html[lang="en"]');
  }
  return watched;
}

/** The widest page seen at 320 px, in both languages: the figure the reflow work is measured by. */
const widest = { width: 0, page: "" };

describe("at 320 CSS px wide (WCAG 1.4.10 Reflow)", () => {
  afterAll(() => {
    console.info(`widest page at ${WIDTH} px: ${widest.width} px (${widest.page})`);
  });

  // The two languages run side by side, each in a browser context of its own (and a session of its own, where
  // the language is kept): the server renders a page for one while Chromium lays out and checks a page for the other.
  for (const lang of ["nb", "en"] as const) {
    it.concurrent(`no page scrolls sideways, wide tables scroll in a named region, and axe finds nothing serious (${lang})`, async ({ expect }) => {
      const examples = await exampleIds();
      const id = examples[0]!;
      const watched = await openAt320(lang);
      const { page } = watched;
      const problems: string[] = [];
      const check = async (target: Page, label: string) => {
        const width = await target.evaluate(() => document.documentElement.scrollWidth);
        if (width > widest.width) Object.assign(widest, { width, page: label });
        problems.push(...(await checkPage(target, label)));
      };
      const visit = async (path: string, ready?: string, status = 200) => {
        const answer = await page.goto(server.url + path);
        expect(answer?.status(), `${lang} ${path}`).toBe(status);
        if (ready) await page.waitForSelector(ready);
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        await check(page, `${lang} ${path}`);
      };

      await visit("/");
      await visit("/?q=gatelys");
      await visit("/cases/new");
      await visit(`/cases/${id}/edit`);
      // the factor picker opens inside the first emission row, beside a long factor id
      await page.locator('button[aria-controls="factor-picker"]').first().click();
      await page.locator("#factor-picker-q").fill("diesel");
      await page.waitForSelector("#factor-picker-results li");
      await check(page, `${lang} /cases/${id}/edit with the factor picker open`);
      // the comparison of every example in bokmål, of the largest and the one with the most alternatives in English too; the largest's printable report
      for (const example of lang === "nb" ? examples : examples.slice(0, 2)) await visit(`/cases/${example}`, "body[data-charts-ready]");
      await visit(`/cases/${id}/report`, "body[data-charts-ready]");
      // the finance page of the largest (its cash-flow tables, tornado and Monte Carlo charts), and its refused form (400)
      await visit(`/cases/${id}/finance?seed=1`, "body[data-charts-ready]");
      await visit(`/cases/${id}/finance?percent=60&samples=abc`, undefined, 400);
      // the decision memo of the largest, a short run (its measures, tornado charts and sources)
      await visit(`/cases/${id}/memo?samples=100&seed=1`, "body[data-charts-ready]");
      await visit(`/cases/${id}/delete`);
      // the climate dashboard (empty here: its figures at 320 px are in climate-dashboard.browser.test.ts)
      await visit("/climate", "body[data-charts-ready]");
      // the climate plan's form and the decisions register (empty here: filled in, and refused, in climate-plan.browser.test.ts)
      await visit("/climate/plan");
      await visit("/climate/decisions");
      // the ledger imports with the upload form, the screening's empty state and the account mapping (filled in, and each upload step, in climate-ledger.browser.test.ts)
      await visit("/climate/ledgers");
      await visit("/climate/screening");
      await visit("/climate/mapping");
      await visit("/factors");
      await visit("/factors?q=diesel");
      await visit("/factors?q=kontorstol");
      await visit("/import");
      // a refused import lists each problem with its path, and a long path must wrap too
      await page.locator("#import-json").fill(JSON.stringify({ schema: "kalkyle.case/1", title: "", analysis: { startYear: 2026, years: 10 }, alternatives: [{ id: "A", name: "A", emissions: [{ label: "x", kind: "material", factor: "material.metals.construction.closed-loop.does-not-exist", quantity: "1 kg" }] }] }));
      await page.locator(".import-form button[type=submit]").click();
      await page.waitForSelector("#error-summary");
      await check(page, `${lang} /import with problems`);
      // a file over the import's limit: the 413 page, which says the limit and leads back
      await page.goto(`${server.url}/import`);
      await page.locator("#import-file").setInputFiles({ name: "sak.json", mimeType: "application/json", buffer: Buffer.alloc(1024 * 1024 + 10, 0x20) });
      await page.locator(".import-form button[type=submit]").click();
      await page.waitForSelector('.error-links a[href="/import"]');
      await check(page, `${lang} /import with a file over the limit (413)`);

      // one's own page and its token's revocation, the administrator's pages (members, a password, a removal, API tokens, the audit trail with a refused date among them)
      await visit("/account");
      const ownToken = await page.locator('a[href^="/account/tokens/"]').first().getAttribute("href");
      await visit(ownToken!);
      await visit("/admin/users");
      await visit(`/admin/users/${server.admin.userId}/password`);
      await visit(`/admin/users/${adviser.user.userId}/remove`);
      await visit("/admin/tokens");
      const anyToken = await page.locator('a[href^="/admin/tokens/"]').first().getAttribute("href");
      await visit(anyToken!);
      await visit("/admin/audit");
      await visit("/admin/audit?from=2026-02-30", undefined, 400);

      // a page that is not there, with a long address without a place to break it, and a case that is not there
      await visit(`/finnes-ikke/${"adresseleddutenbindestreker".repeat(6)}?q=${"x".repeat(80)}`, undefined, 404);
      await visit("/cases/finnes-ikke/edit", undefined, 404);
      // the error page with its list of problems: a query the factor library refuses (400)
      await visit("/factors?set=finnes-ikke&group=finnes-ikke", undefined, 400);
      // the editor's own 413 page, for a form over the limit (last: it leaves a draft in the tab)
      await page.goto(`${server.url}/cases/${id}/edit`);
      await page.locator('[name="functionalUnit"]').fill("Lang tekst. ".repeat(100_000));
      const [tooLarge] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator('.editor-actions button[value="save"]').click()]);
      expect(tooLarge.status()).toBe(413);
      await page.waitForSelector("main h1");
      await check(page, `${lang} /cases/${id}/edit with a form over the limit (413)`);

      // the error page as an adviser meets it on an administrator's page (a session of the adviser's for each language)
      const refused = await openAt320(lang, server.url, "/", `${SESSION_COOKIE}=${await server.sessionFor(adviser.user)}`);
      await refused.page.goto(`${server.url}/admin/users`);
      expect(await refused.page.getAttribute("html", "lang")).toBe(lang);
      await check(refused.page, `${lang} /admin/users as an adviser`);

      // the login page, as a visitor without a session sees it (the app itself, not the harness's signed-in front), and after a wrong password
      const visitor = await openAt320(lang, server.publicUrl, "/login");
      await check(visitor.page, `${lang} /login`);
      await visitor.page.locator('[name="email"]').fill("en-svaert-lang-adresse-som-maa-brytes@eksempel.kommune.no");
      await visitor.page.locator('[name="password"]').fill("ikke-passordet");
      await visitor.page.locator('.login-form button[type="submit"]').click();
      await visitor.page.waitForSelector("#error-summary");
      expect(await visitor.page.getAttribute("html", "lang")).toBe(lang);
      await check(visitor.page, `${lang} /login after a wrong password`);

      expect(problems).toEqual([]);
      // Chromium logs a page's own error status (the refused import's 400 and 413, the missing page's 404, the adviser's 403, the refused login's 401) as a console error; that is the page itself, not a fault
      const ownStatus = /responded with a status of (400|401|403|404|413)/;
      expect(watched.consoleErrors.filter((e) => !ownStatus.test(e)), `${lang}: console errors`).toEqual([]);
      expect(refused.consoleErrors.filter((e) => !ownStatus.test(e)), `${lang} as an adviser: console errors`).toEqual([]);
      expect(visitor.consoleErrors.filter((e) => !ownStatus.test(e)), `${lang} /login: console errors`).toEqual([]);
      await Promise.all([visitor, refused, watched].map((w) => w.page.context().close()));
    }, 360_000);
  }
});
