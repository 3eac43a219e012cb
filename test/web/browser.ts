/**
 * Browser tests drive the system Chromium through playwright-core (never a
 * downloaded browser). Pages are checked with axe-core, injected through
 * the DevTools protocol so the page's own CSP stays in force, and every
 * console error (CSP violations included) is collected.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../src/web/pdf.js";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export type WatchedPage = { page: Page; consoleErrors: string[]; dialogs: string[] };

export async function openPage(browser: Browser, options: { acceptDownloads?: boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ acceptDownloads: options.acceptDownloads ?? true });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { page, consoleErrors, dialogs };
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: number };

/** Serious and critical WCAG 2.1 A/AA violations on the current page. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] }> } }).axe;
    // Every rule still runs; only the violations are described node by node, and without CSS selectors
    // (only their count is reported): that description is the slow tail of a run on a long page.
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"], selectors: false });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
