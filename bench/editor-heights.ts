/**
 * How tall the case editor is for each example case: the page
 * /cases/<id>/edit in the system Chromium at 1280 px wide, its
 * document.documentElement.scrollHeight in CSS px, with JavaScript on and
 * off. Prints one line per example (and the lines as JSON); asserts
 * nothing. Run: npx tsx bench/editor-heights.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser } from "../test/web/browser.js";
import { startTestServer } from "../test/web/harness.js";

const EXAMPLES = new URL("../examples/", import.meta.url).pathname;

const server = await startTestServer();
const browser = await launchBrowser();
try {
  const listed = (await (await fetch(`${server.url}/api/v1/cases?limit=100`)).json()) as { cases: { id: string; title: string }[] };
  const rows: { example: string; id: string; js: number; noJs: number }[] = [];
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith(".json")).sort()) {
    const title = (JSON.parse(readFileSync(join(EXAMPLES, file), "utf8")) as { title: string }).title;
    const found = listed.cases.find((c) => c.title === title);
    if (!found) continue;
    const heights: number[] = [];
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${server.url}/cases/${found.id}/edit`);
      heights.push(await page.evaluate(() => document.documentElement.scrollHeight));
      await context.close();
    }
    rows.push({ example: file.replace(/\.json$/, ""), id: found.id, js: heights[0]!, noJs: heights[1]! });
  }
  for (const r of rows) console.log(`${r.example.padEnd(24)} ${String(r.js).padStart(6)} px (JavaScript on)  ${String(r.noJs).padStart(6)} px (off)`);
  console.log(JSON.stringify(rows));
} finally {
  await browser.close();
  await server.close();
}
