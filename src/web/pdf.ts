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

export function chromiumPdfRenderer(): PdfRenderer {
  let browser: Promise<Browser> | null = null;
  const launch = () => {
    browser ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }).catch((error: unknown) => {
      browser = null;
      throw error;
    });
    return browser;
  };
  return {
    async render(url) {
      const context = await (await launch()).newContext();
      try {
        const page = await context.newPage();
        await page.goto(url, { waitUntil: "networkidle", timeout: 30_000 });
        await page.emulateMedia({ media: "print" });
        return await page.pdf({ format: "A4", printBackground: true, margin: { top: "15mm", bottom: "15mm", left: "12mm", right: "12mm" } });
      } finally {
        await context.close();
      }
    },
    async close() {
      if (browser) await (await browser).close().catch(() => undefined);
      browser = null;
    },
  };
}
