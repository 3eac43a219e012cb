/**
 * Load benchmark of the comparison page (autocannon, loopback only):
 * requests per second and p50/p97.5/p99 latency at 50 concurrent
 * connections, beside a bare Express page rendering the same layout with a
 * static body, printed as a ratio. Seeded database: 200 cases × 5
 * alternatives. Prints figures and writes bench/results/web.json; asserts
 * nothing.
 */
import autocannon from "autocannon";
import express from "express";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadExampleCases } from "../src/examples.js";
import { loadFactorLibrary } from "../src/factors/load.js";
import { openSqliteStore } from "../src/store/sqlite-store.js";
import { createKalkyleApp } from "../src/web/kalkyle-app.js";
import { chromiumPdfRenderer } from "../src/web/pdf.js";
import { createViewEngine } from "../src/web/views.js";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

async function listen(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

async function load(url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, connections: 5, duration: 2, headers }); // warm-up, discarded
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return { requestsPerSecond: r.requests.average, p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx };
}

/** Five alternatives from the examples' items, so the page has real work to do. */
function fiveAlternatives(example: Record<string, unknown>, n: number): Record<string, unknown> {
  const alternatives = example.alternatives as Record<string, unknown>[];
  const five = Array.from({ length: 5 }, (_, i) => ({ ...alternatives[i % alternatives.length]!, id: `A${i + 1}`, name: `Alternativ ${i + 1}` }));
  return { ...example, title: `${String(example.title)} #${n}`, alternatives: five, baseline: "A1" };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "kalkyle-bench-"));
  const store = openSqliteStore(join(dir, "bench.db"));
  const examples = loadExampleCases();
  let target = "";
  for (let n = 0; n < 200; n++) {
    const saved = await store.cases.create(fiveAlternatives(examples[n % examples.length]!, n));
    if (n === 0) target = saved.id;
  }
  const pdf = chromiumPdfRenderer();
  const kalkyle = createKalkyleApp({ store, library: loadFactorLibrary(), pdf, log: () => undefined });
  const app = await listen(kalkyle.app);
  kalkyle.setPort(Number(new URL(app.url).port));
  const first = await fetch(`${app.url}/`);
  const cookie = first.headers.getSetCookie()[0]?.split(";")[0] ?? "";

  const views = createViewEngine();
  const bare = express();
  bare.get("/", (_req, res) => {
    res.type("html").send(views.render("error", { lang: "nb", otherLang: "en", csrfToken: "x", currentPath: "/", factorSet: "2025-1", status: 200, message: "bare" }));
  });
  const bareServer = await listen(bare);

  const comparison = await load(`${app.url}/cases/${target}`, { cookie });
  const list = await load(`${app.url}/`, { cookie });
  const baseline = await load(`${bareServer.url}/`);
  const figures = {
    when: new Date().toISOString(),
    node: process.version,
    durationSeconds: DURATION_S,
    connections: CONNECTIONS,
    comparisonPage: comparison,
    caseList: list,
    bareExpressLayout: baseline,
    ratioComparisonToBare: comparison.requestsPerSecond / baseline.requestsPerSecond,
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
  console.log(`comparison page: ${figures.comparisonPage.requestsPerSecond.toFixed(0)} req/s, p50 ${comparison.p50} ms, p97.5 ${comparison.p97_5} ms, p99 ${comparison.p99} ms, errors ${comparison.errors}, non-2xx ${comparison.non2xx}`);
  console.log(`case list (200 cases): ${list.requestsPerSecond.toFixed(0)} req/s, p50 ${list.p50} ms, p99 ${list.p99} ms`);
  console.log(`bare Express, same layout: ${baseline.requestsPerSecond.toFixed(0)} req/s, p50 ${baseline.p50} ms, p99 ${baseline.p99} ms`);
  console.log(`ratio comparison/bare: ${figures.ratioComparisonToBare.toFixed(3)}`);
  writeFileSync(new URL("./results/web.json", import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);
  await app.close();
  await bareServer.close();
  await pdf.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
