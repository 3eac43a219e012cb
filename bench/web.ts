/**
 * Load benchmark of the comparison page (autocannon, loopback only):
 * requests per second and p50/p97.5/p99 latency at 50 concurrent
 * connections, beside a bare Express page rendering the same layout,
 * printed as a ratio; the case list too. Each server runs in its own
 * process (bench/web-server.ts). Warm-up discarded, median of 3 runs.
 * Prints figures and writes bench/results/web.json; asserts nothing.
 */
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createInterface } from "node:readline";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONNECTIONS = 50;
const ROOT = new URL("../", import.meta.url).pathname;

type Started = { child: ChildProcess; info: { url: string; caseId?: string; cookie?: string } };

function startServer(kind: "kalkyle" | "bare"): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/web-server.ts", kind], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, NODE_ENV: "production" } });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", (line) => resolve({ child, info: JSON.parse(line) }));
    child.once("exit", (code) => reject(new Error(`${kind} server exited (${code})`)));
  });
}

type Figures = { requestsPerSecond: number; p50: number; p97_5: number; p99: number; errors: number; timeouts: number; non2xx: number };

async function once(url: string, headers: Record<string, string>, duration: number, connections = CONNECTIONS): Promise<Figures> {
  const r = await autocannon({ url, connections, duration, headers });
  return { requestsPerSecond: r.requests.average, p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx };
}

/** Warm-up discarded, then the run with the median request rate of RUNS. */
async function load(url: string, headers: Record<string, string> = {}): Promise<Figures> {
  await once(url, headers, 2, 5);
  const runs: Figures[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(url, headers, DURATION_S));
  return runs.sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)]!;
}

function line(name: string, f: Figures): string {
  return `${name}: ${f.requestsPerSecond.toFixed(0)} req/s, p50 ${f.p50} ms, p97.5 ${f.p97_5} ms, p99 ${f.p99} ms, errors ${f.errors}, timeouts ${f.timeouts}, non-2xx ${f.non2xx}`;
}

const kalkyle = await startServer("kalkyle");
const bare = await startServer("bare");
try {
  const headers = { cookie: kalkyle.info.cookie ?? "" };
  const comparison = await load(`${kalkyle.info.url}/cases/${kalkyle.info.caseId}`, headers);
  const list = await load(`${kalkyle.info.url}/`, headers);
  const baseline = await load(`${bare.info.url}/`);
  const ratio = comparison.requestsPerSecond / baseline.requestsPerSecond;
  console.log(line("comparison page (5 alternatives)", comparison));
  console.log(line("case list (page 1 of 200 cases, 50 a page)", list));
  console.log(line("bare Express, same layout", baseline));
  console.log(`ratio comparison page / bare Express: ${ratio.toFixed(3)}`);
  const figures = { when: new Date().toISOString(), node: process.version, durationSeconds: DURATION_S, runs: RUNS, connections: CONNECTIONS, comparisonPage: comparison, caseList: list, bareExpressLayout: baseline, ratioComparisonToBare: ratio };
  writeFileSync(new URL("./results/web.json", import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);
} finally {
  kalkyle.child.kill();
  bare.child.kill();
}
