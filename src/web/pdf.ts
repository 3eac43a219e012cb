/**
 * PDF export: the system Chromium (Debian package, never a downloaded
 * browser) renders the same print view a user sees, through playwright-core.
 * One browser is started on first use and shared; each PDF gets its own
 * context, closed afterwards. At most PDF_LIMITS.rendering PDFs are made at
 * once and PDF_LIMITS.waiting wait their turn; a request beyond that is
 * refused at once (PdfBusyError), and one that gives up while waiting
 * (its signal aborts) leaves the line. See docs/decisions.md.
 *
 * The PDF is tagged (Chromium's structure tree: headings, tables and lists
 * reach a screen reader), carries an outline from the headings, takes its
 * title metadata from the page's <title>, and has the caller's footer
 * (the case and "page n of m") on every page.
 */
import type { Browser } from "playwright-core";
import type { PdfRenderer } from "./context.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** PDFs rendered at once, and requests that may wait for one of those places. */
export const PDF_LIMITS = { rendering: 2, waiting: 4 } as const;

/** Every place in the line is taken: the caller answers "busy, try again shortly". */
export class PdfBusyError extends Error {
  constructor() {
    super("the PDF line is full");
  }
}

/** The request gave up before its turn came. */
export class PdfAbandonedError extends Error {
  constructor() {
    super("the PDF request was abandoned while waiting");
  }
}

type Waiter = { start(): void; abandon(): void };

/**
 * A line with `rendering` places and room for `waiting` more: take() resolves
 * when a place is free, throws PdfBusyError at once when the line is full.
 */
function boundedLine(limits: { rendering: number; waiting: number }) {
  let running = 0;
  const waiting: Waiter[] = [];
  return {
    load: () => ({ rendering: running, waiting: waiting.length }),
    async take(signal?: AbortSignal): Promise<void> {
      if (signal?.aborted) throw new PdfAbandonedError();
      if (running < limits.rendering) {
        running++;
        return;
      }
      if (waiting.length >= limits.waiting) throw new PdfBusyError();
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          start: () => {
            signal?.removeEventListener("abort", waiter.abandon);
            resolve();
          },
          abandon: () => {
            waiting.splice(waiting.indexOf(waiter), 1);
            reject(new PdfAbandonedError());
          },
        };
        signal?.addEventListener("abort", waiter.abandon, { once: true });
        waiting.push(waiter);
      });
    },
    /** Hands the place to the first waiter, or frees it. */
    give(): void {
      const next = waiting.shift();
      if (next) next.start();
      else running--;
    },
  };
}

export function chromiumPdfRenderer(limits: { rendering: number; waiting: number } = PDF_LIMITS): PdfRenderer & { load(): { rendering: number; waiting: number } } {
  let browser: Promise<Browser> | null = null;
  const line = boundedLine(limits);
  const launch = () => {
    // playwright-core is loaded with the first PDF, not at start
    browser ??= import("playwright-core").then(({ chromium }) => chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })).catch((error: unknown) => {
      browser = null;
      throw error;
    });
    return browser;
  };
  return {
    load: line.load,
    async render(url, options = {}) {
      await line.take(options.signal);
      try {
        const context = await (await launch()).newContext();
        try {
          if (options.cookies?.length) await context.addCookies(options.cookies.map((c) => ({ ...c, url })));
          const page = await context.newPage();
          const response = await page.goto(url, { waitUntil: "networkidle", timeout: 30_000 });
          // Never hand out a PDF of an error page, nor of the login page a missing session leads to.
          if (!response?.ok() || page.url() !== url) throw new Error(`print view answered ${response?.status() ?? "nothing"} at ${new URL(page.url()).pathname}`);
          await page.emulateMedia({ media: "print" });
          return await page.pdf({
            format: "A4",
            printBackground: true,
            tagged: true,
            outline: true,
            displayHeaderFooter: options.footer !== undefined,
            headerTemplate: "<span></span>",
            footerTemplate: options.footer ?? "<span></span>",
            margin: { top: "15mm", bottom: "18mm", left: "12mm", right: "12mm" },
          });
        } finally {
          await context.close();
        }
      } finally {
        line.give();
      }
    },
    async close() {
      if (browser) await (await browser).close().catch(() => undefined);
      browser = null;
    },
  };
}
