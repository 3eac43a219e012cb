/**
 * `npm run bench` (or `tsx --expose-gc bench/ledger-import.ts`): what a
 * ledger import costs against the floor of parsing the same CSV file.
 *
 * A Norwegian ledger of 1 000 000 lines (BENCH_LEDGER_LINES), Windows-1252
 * with `;` as Norwegian Excel writes it, is generated once into a temporary
 * folder (test/support/ledger-fixtures.ts). Each row then reads that file
 * in a child process of its own, so that its peak RSS is its own
 * (process.resourceUsage().maxRSS at the end): BENCH_RUNS runs each
 * (default 3), taken in turns, the median time printed.
 *   - csv-parse: createReadStream → csv-parse, counting records: the floor;
 *   - readLedger: decode, guard, csv-parse, amounts, dates, organisation
 *     numbers and a fingerprint per line, batches of 5 000 as an import
 *     stores them;
 *   - kalkyle screen: the command line from dist/ (`npm run bench` builds
 *     first) in a plain node process, JSON answer, the whole screening;
 *   - web upload: the app on a new SQLite database in the child, the file
 *     streamed to POST /api/v1/climate/ledgers with an administrator's
 *     token, every line stored (the request's time; the child's peak RSS
 *     holds the server, the client and tsx).
 * Lines per second, peak RSS (which includes tsx's own, printed apart), and each row's speed as a share of
 * csv-parse's; the targets are ≥ 0.5 and < 200 MB. Figures only, no
 * assertions; also written to bench/results/ledger-import.json.
 *
 * A row reads the file and returns the number of lines it saw.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { fingerprinter } from "../src/ledger/fingerprint.js";
import { readLedger } from "../src/ledger/read-ledger.js";
import { writeLedger } from "../test/support/ledger-fixtures.js";

const ROOT = new URL("../", import.meta.url).pathname;
const SELF = new URL(import.meta.url).pathname;
const LINES = Number(process.env.BENCH_LEDGER_LINES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Each row reads the ledger at `file` in full and returns the lines it saw (header not counted). */
const ROWS: Record<string, (file: string) => Promise<number>> = {
  /** No work: what the child process takes to start under tsx (about 40 MB more than a bare node; the command line runs from dist/ without it). */
  "tsx start": async () => LINES,
  "csv-parse": async (file) => {
    let records = 0;
    for await (const record of createReadStream(file).pipe(parse({ delimiter: ";" }))) if (record) records++;
    return records - 1;
  },
  readLedger: async (file) => {
    const fingerprint = fingerprinter();
    const reader = readLedger(createReadStream(file), { fileName: file, columns: null, bytesTotal: statSync(file).size });
    let lines = 0;
    let last = "";
    for (;;) {
      const step = await reader.next();
      if (step.done) break;
      for (const line of step.value.lines) last = fingerprint(line);
      lines += step.value.lines.length + step.value.broken.length;
    }
    return last === "" ? 0 : lines;
  },
  "kalkyle screen": async () => LINES,
  "web upload": async (file) => {
    // Imported here, not at the top: the other rows' children must not carry the app's modules in their RSS.
    const [{ firstStart }, { loadFactorLibrary }, { openSqliteStore }, { createKalkyleApp }, { silentLogger }, { chromiumPdfRenderer }] = await Promise.all([
      import("../src/app/first-start.js"),
      import("../src/factors/load.js"),
      import("../src/store/sqlite-store.js"),
      import("../src/web/kalkyle-app.js"),
      import("../src/web/logger.js"),
      import("../src/web/pdf.js"),
    ]);
    const dir = mkdtempSync(join(tmpdir(), "ledger-bench-web-"));
    const store = openSqliteStore(join(dir, "bench.db"));
    try {
      const first = await firstStart(store, { KALKYLE_ADMIN_EMAIL: "bench@kalkyle.local", KALKYLE_ADMIN_PASSWORD: "bench-administrator-password" }, []);
      const admin = await store.accounts.userByEmail("bench@kalkyle.local");
      const kalkyle = createKalkyleApp({ store, library: loadFactorLibrary(), pdf: chromiumPdfRenderer(), logger: silentLogger() });
      const server = kalkyle.app.listen(0, "127.0.0.1");
      await new Promise((resolve) => server.once("listening", resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { secret } = await kalkyle.ctx.app.tokens.create({ userId: admin!.id, organisationId: first.organisationId, role: "admin", via: "cli" }, { name: "bench" });
      uploadRssBeforeMb = process.memoryUsage().rss / 1048576;
      const started = performance.now();
      const res = await fetch(`${url}/api/v1/climate/ledgers?name=ledger.csv`, {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "text/csv" },
        body: Readable.toWeb(createReadStream(file)) as ReadableStream,
        duplex: "half",
      } as RequestInit);
      const summary = (await res.json()) as { read?: number; imported?: number };
      uploadSeconds = (performance.now() - started) / 1000;
      server.close();
      await kalkyle.close();
      return res.status === 201 ? (summary.read ?? 0) : 0;
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** The web row's own time: the upload request alone, not the server's start; and the RSS of the running server (its worker threads included) before the upload. */
let uploadSeconds: number | null = null;
let uploadRssBeforeMb: number | null = null;

type Measure = { seconds: number; lines: number; maxRssMb: number; rssBeforeMb?: number };

/** In the child: run one row, print what it measured. */
async function child(row: string, file: string): Promise<void> {
  const start = performance.now();
  const lines = await ROWS[row]!(file);
  const seconds = uploadSeconds ?? (performance.now() - start) / 1000;
  const measure: Measure = { seconds, lines, maxRssMb: process.resourceUsage().maxRSS / 1024, ...(uploadRssBeforeMb === null ? {} : { rssBeforeMb: uploadRssBeforeMb }) };
  process.stdout.write(JSON.stringify(measure));
}

/** The command line as a user runs it, from dist/ in a plain node process; its peak RSS read at its exit. */
function runCli(file: string): Measure {
  const rss = "data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS '+process.resourceUsage().maxRSS+'\\n'))";
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--import", rss, join(ROOT, "dist/cli/run-cli.js"), "screen", file, "--format", "json"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, LANG: "en" } });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`kalkyle screen exited with ${run.status}: ${run.stderr.slice(-500)}`);
  const lines = (JSON.parse(run.stdout) as { import?: { read?: number } }).import?.read ?? 0;
  const maxRssKb = Number(/maxRSS (\d+)/.exec(run.stderr)?.[1] ?? 0);
  return { seconds, lines, maxRssMb: maxRssKb / 1024 };
}

function runRow(row: string, file: string): Measure {
  if (row === "kalkyle screen") return runCli(file);
  const out = execFileSync(process.execPath, ["--import", "tsx", "--expose-gc", SELF, "--row", row, file], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 });
  return JSON.parse(out) as Measure;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "ledger-bench-"));
  try {
    const file = join(dir, "ledger.csv");
    const started = performance.now();
    await writeLedger(file, { lines: LINES, encoding: "windows-1252", delimiter: ";", seed: 2027 });
    const size = statSync(file).size;
    console.log(`ledger import: ${LINES.toLocaleString("en")} lines, ${(size / 1e6).toFixed(0)} MB Windows-1252 with ;, generated in ${((performance.now() - started) / 1000).toFixed(1)} s; ${RUNS} runs a row, median`);
    const runs: Record<string, Measure[]> = Object.fromEntries(Object.keys(ROWS).map((row) => [row, []]));
    for (let run = 0; run < RUNS; run++) for (const row of Object.keys(ROWS)) runs[row]!.push(runRow(row, file));
    const floor = median(runs["csv-parse"]!.map((m) => m.seconds));
    const startRssMb = Math.round(Math.max(...runs["tsx start"]!.map((m) => m.maxRssMb)));
    console.log(`  (the child's own start under tsx: peak RSS ${startRssMb} MB)`);
    delete runs["tsx start"];
    const results = Object.entries(runs).map(([row, measures]) => {
      const seconds = median(measures.map((m) => m.seconds));
      const lines = measures[0]!.lines;
      const before = measures.map((m) => m.rssBeforeMb).filter((mb) => mb !== undefined);
      return {
        row,
        lines,
        seconds,
        linesPerSecond: Math.round(lines / seconds),
        peakRssMb: Math.round(Math.max(...measures.map((m) => m.maxRssMb))),
        ...(before.length > 0 ? { serverRssBeforeMb: Math.round(Math.min(...before)) } : {}),
        shareOfCsvParse: Number((floor / seconds).toFixed(2)),
      };
    });
    for (const r of results) {
      console.log(`  ${r.row.padEnd(12)} ${r.seconds.toFixed(2).padStart(6)} s  ${r.linesPerSecond.toLocaleString("en").padStart(9)} lines/s  peak RSS ${String(r.peakRssMb).padStart(4)} MB  ${r.shareOfCsvParse.toFixed(2)} × csv-parse's speed`);
      if (r.serverRssBeforeMb !== undefined) console.log(`    (the running server, its evaluation workers included, held ${r.serverRssBeforeMb} MB before the upload: the import added ${r.peakRssMb - r.serverRssBeforeMb} MB)`);
      if (r.lines !== LINES) console.log(`    (read ${r.lines} lines, not ${LINES})`);
    }
    writeFileSync(join(ROOT, "bench/results/ledger-import.json"), `${JSON.stringify({ lines: LINES, bytes: size, runs: RUNS, startRssMb, results }, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rowAt = process.argv.indexOf("--row");
if (rowAt >= 0) await child(process.argv[rowAt + 1]!, process.argv[rowAt + 2]!);
else await main();
