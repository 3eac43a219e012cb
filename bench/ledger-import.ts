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
 *     stores them.
 * Lines per second, peak RSS (which includes tsx's own, printed apart), and each row's speed as a share of
 * csv-parse's; the targets are ≥ 0.5 and < 200 MB. Figures only, no
 * assertions; also written to bench/results/ledger-import.json.
 *
 * More rows (the command line, the web upload) go into ROWS: a row reads
 * the file and returns the number of lines it saw.
 */
import { execFileSync } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
};

type Measure = { seconds: number; lines: number; maxRssMb: number };

/** In the child: run one row, print what it measured. */
async function child(row: string, file: string): Promise<void> {
  const start = performance.now();
  const lines = await ROWS[row]!(file);
  const seconds = (performance.now() - start) / 1000;
  const measure: Measure = { seconds, lines, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(measure));
}

function runRow(row: string, file: string): Measure {
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
      return { row, lines, seconds, linesPerSecond: Math.round(lines / seconds), peakRssMb: Math.round(Math.max(...measures.map((m) => m.maxRssMb))), shareOfCsvParse: Number((floor / seconds).toFixed(2)) };
    });
    for (const r of results) {
      console.log(`  ${r.row.padEnd(12)} ${r.seconds.toFixed(2).padStart(6)} s  ${r.linesPerSecond.toLocaleString("en").padStart(9)} lines/s  peak RSS ${String(r.peakRssMb).padStart(4)} MB  ${r.shareOfCsvParse.toFixed(2)} × csv-parse's speed`);
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
