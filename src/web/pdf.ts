/**
 * PDF export: the system Chromium (Debian package, never a downloaded
 * browser) renders the same print view a user sees, through playwright-core.
 * One browser is started on first use and shared; each PDF gets its own
 * context, closed afterwards.
 */
import { chromium, type Browser } from "playwright-core";
import type { PdfRenderer } from "./context.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** PDFs rendered at once; more wait their turn, so a burst of exports cannot exhaust memory. */
const MAX_PARALLEL = 2;

export function chromiumPdfRenderer(): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  let running = 0;
  const waiting: (() => void)[] = [];
  const acquire = async () => {
    if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  const launch = () => {
    browser ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }).catch((error: unknown) => {
      browser = null;
      throw error;
    });
    return browser;
  };
  return {
    async render(url) {
      await acquire();
      try {
        const context = await (await launch()).newContext();
        try {
          const page = await context.newPage();
          const response = await page.goto(url, { waitUntil: "networkidle", timeout: 30_000 });
          // Never hand out a PDF of an error page.
          if (!response?.ok()) throw new Error(`print view answered ${response?.status() ?? "nothing"}`);
          await page.emulateMedia({ media: "print" });
          return await page.pdf({ format: "A4", printBackground: true, margin: { top: "15mm", bottom: "15mm", left: "12mm", right: "12mm" } });
        } finally {
          await context.close();
        }
      } finally {
        release();
      }
    },
    async close() {
      if (browser) await (await browser).close().catch(() => undefined);
      browser = null;
    },
  };
}
