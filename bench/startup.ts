/**
 * How fast the command line and the server start, beside a bare `node`
 * start in the same run: `kalkyle evaluate` on the largest example, from
 * the build (dist/) and from the sources through tsx; the server from
 * process start to its first answer, from dist/ and through tsx. Each is
 * the median of several runs, one at a time. Figures only, no assertions;
 * also written to bench/results/startup.json. Needs `npm run build` first
 * (npm run bench does it).
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("../", import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_STARTS ?? 5);
const EXAMPLE = "examples/skoleutvidelse.json";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timeCommand(args: string[]): number {
  const start = performance.now();
  execFileSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  return performance.now() - start;
}

let nextPort = 3900;

/** Milliseconds from spawning the server to its first 200 on GET /healthz. */
async function timeServer(args: string[]): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), "kalkyle-bench-"));
  const port = nextPort++;
  const start = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: "ignore", env: { ...process.env, PORT: String(port), DATA_DIR: dataDir } });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) return performance.now() - start;
      } catch {
        // not listening yet
      }
      if (performance.now() - start > 60_000) throw new Error(`server ${args.join(" ")} did not answer within 60 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill();
    await new Promise((r) => child.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(label: string, once: () => number | Promise<number>): Promise<number> {
  await once(); // warm the file cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await once());
  const ms = median(times);
  console.log(`${label.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms`);
  return ms;
}

const bare = await measure("bare node -e 0 (reference)", () => timeCommand(["-e", "0"]));
const cliDist = await measure("kalkyle evaluate, built (dist/)", () => timeCommand(["dist/cli/run-cli.js", "evaluate", EXAMPLE]));
const cliTsx = await measure("kalkyle evaluate, sources through tsx", () => timeCommand(["--import", "tsx", "src/cli/run-cli.ts", "evaluate", EXAMPLE]));
const serverDist = await measure("server to first answer, built (dist/)", () => timeServer(["dist/server.js"]));
const serverTsx = await measure("server to first answer, through tsx", () => timeServer(["--import", "tsx", "src/server.ts"]));

console.log(`CLI: built ${(cliDist / bare).toFixed(1)} × a bare node start, sources ${(cliTsx / bare).toFixed(1)} ×; built is ${(cliTsx / cliDist).toFixed(1)} × faster`);
console.log(`server: built ${(serverDist / bare).toFixed(1)} × a bare node start, sources ${(serverTsx / bare).toFixed(1)} ×; built is ${(serverTsx / serverDist).toFixed(1)} × faster`);

writeFileSync(
  new URL("./results/startup.json", import.meta.url),
  `${JSON.stringify({ node: process.version, runs: RUNS, medianMs: { bareNode: bare, cliBuilt: cliDist, cliSources: cliTsx, serverBuilt: serverDist, serverSources: serverTsx } }, null, 2)}\n`,
);
