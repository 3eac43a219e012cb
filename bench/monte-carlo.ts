/**
 * `npm run bench` (or `tsx --expose-gc bench/monte-carlo.ts` after `npm run build`):
 * what the Monte Carlo block costs.
 *
 * A generated case of five alternatives × 48 items (40 emission items drawn
 * from the example cases' own items, against the bundled set 2025-2, and 8
 * cost items), over 30 years with the R-109 carbon price path, so that
 * every kind of coefficient is there. Printed, no assertions:
 *   - 10 000 draws: the median time of the block (inputs, coefficients,
 *     draws, percentiles) and of the draws alone, draws per second;
 *   - memory: the bench process's peak RSS, and what one block allocates
 *     (heap, and typed arrays, which live outside the heap);
 *   - deterministic evaluations per second of the same case, by the exact
 *     decimal core (evaluateCase) and by the fast evaluator
 *     (evaluateCompiled on a compiled case), and draws per second as a
 *     ratio of each;
 *   - the command line: the median wall time of `node bin/kalkyle.js
 *     evaluate CASE` and of the same with `--samples 10000 --seed 42`
 *     (BENCH_RUNS runs each, default 7), and their ratio.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkCase } from "../src/case/evaluate-document.js";
import { uncertaintyBlock, uncertaintyModel } from "../src/case/uncertainty.js";
import { evaluateCase } from "../src/core/evaluate.js";
import { compileCase, evaluateCompiled } from "../src/core/fast/index.js";
import { runMonteCarlo } from "../src/core/finance/monte-carlo.js";
import { loadFactorLibrary } from "../src/factors/load.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const EXAMPLES = join(ROOT, "examples");
const SAMPLES = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

type Item = Record<string, unknown>;

/** Every emission item of the examples (they all use set 2025-2), timing left out so each occurs as its kind says. */
function exampleItems(): Item[] {
  const items: Item[] = [];
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith(".json"))) {
    const doc = JSON.parse(readFileSync(join(EXAMPLES, file), "utf8")) as { alternatives: { emissions?: Item[] }[] };
    for (const alt of doc.alternatives) for (const item of alt.emissions ?? []) items.push(Object.fromEntries(Object.entries(item).filter(([k]) => !["at", "every", "life"].includes(k))));
  }
  return items;
}

const COST_KINDS = ["acquisition", "installation", "energy", "operation", "maintenance", "replacement", "endOfLife", "residual"];

function generatedCase(items: Item[]): Item {
  return {
    schema: "kalkyle.case/1",
    title: "Monte Carlo benchmark: 5 alternatives × 48 items",
    factorSet: "2025-2",
    analysis: { startYear: 2026, years: 30, discountRate: 0.04, carbonPrice: "default", priceYear: 2024 },
    ranking: "lcc-with-carbon",
    alternatives: Array.from({ length: 5 }, (_, a) => ({
      id: `alt-${a + 1}`,
      name: `Alternative ${a + 1}`,
      emissions: Array.from({ length: 40 }, (_, i) => ({ ...items[(i + 7 * a) % items.length]!, ...(i % 4 === 0 ? { every: 1 + (i % 5) } : {}) })),
      costs: COST_KINDS.map((kind, i) => ({ kind, amount: 10_000 * (i + 1) * (a + 1), ...(i % 2 === 0 && kind !== "residual" ? { every: 1 + i } : {}), escalation: i % 3 === 0 ? 0.02 : 0 })),
    })),
  };
}

/** Drops the items that do not check in the generated case (an item that needs its own case's settings). */
function checkedCase(library: ReturnType<typeof loadFactorLibrary>) {
  let items = exampleItems();
  for (;;) {
    const doc = generatedCase(items);
    const checked = checkCase(doc, library);
    if (checked.ok) return { doc, checked };
    const bad = new Set(checked.problems.map((p) => /^alternatives\[(\d+)\]\.emissions\[(\d+)\]/.exec(p.path)).filter((m) => m !== null).map((m) => (Number(m![2]) + 7 * Number(m![1])) % items.length));
    if (bad.size === 0) throw new Error(`the generated case does not check: ${JSON.stringify(checked.problems.slice(0, 3))}`);
    items = items.filter((_, i) => !bad.has(i));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeRuns(runs: number, f: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    f();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Calls per second of f, over about `seconds`. */
function ratePerSecond(f: () => unknown, seconds = 2): number {
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    f();
    count++;
  }
  return count / ((performance.now() - started) / 1000);
}

const library = loadFactorLibrary();
const { doc, checked } = checkedCase(library);
if (!checked.ok) throw new Error("unreachable");
const { resolved, context } = checked;
const items = resolved.alternatives.reduce((n, a) => n + a.emissions.length + a.costs.length, 0);
const options = { samples: SAMPLES, seed: 42, costPercent: 10 };

uncertaintyBlock(resolved, context, { ...options, samples: 100 }); // warm up (and load the uncertainty data once)
// What one block allocates: the heap and the typed arrays' buffers (outside the heap) it leaves, from a collected heap when --expose-gc is on.
(globalThis as { gc?: () => void }).gc?.();
const memoryBefore = process.memoryUsage();
uncertaintyBlock(resolved, context, options);
const memoryAfter = process.memoryUsage();
const allocatedMb = (key: "heapUsed" | "arrayBuffers") => ((memoryAfter[key] - memoryBefore[key]) / 2 ** 20).toFixed(1);
const blockMs = timeRuns(RUNS, () => uncertaintyBlock(resolved, context, options));
const model = uncertaintyModel(resolved, context, 10);
const drawsMs = timeRuns(RUNS, () => runMonteCarlo(resolved, model, { samples: SAMPLES, seed: 42 }));
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const exactPerSecond = ratePerSecond(() => evaluateCase(resolved));
const compiled = compileCase(resolved);
const fastPerSecond = ratePerSecond(() => evaluateCompiled(compiled));
const drawsPerSecond = SAMPLES / (blockMs / 1000);

console.log(`Monte Carlo: ${resolved.alternatives.length} alternatives, ${items} items, ${model.inputs.length} inputs, ${SAMPLES} draws (median of ${RUNS})`);
console.log(`  the block (inputs, coefficients, draws, percentiles): ${blockMs.toFixed(1)} ms; the engine alone: ${drawsMs.toFixed(1)} ms`);
console.log(`  draws per second: ${Math.round(drawsPerSecond).toLocaleString("en")}`);
console.log(`  peak RSS of the whole bench process: ${peakRssMb.toFixed(0)} MB; one block allocates ${allocatedMb("heapUsed")} MB of heap and ${allocatedMb("arrayBuffers")} MB of typed arrays${(globalThis as { gc?: unknown }).gc ? "" : " (without --expose-gc: a collection may hide some)"}`);
console.log(`  deterministic evaluations per second: exact core ${exactPerSecond.toFixed(1)}, fast evaluator ${Math.round(fastPerSecond).toLocaleString("en")}`);
console.log(`  draws per second ÷ exact evaluations per second: ${(drawsPerSecond / exactPerSecond).toFixed(0)}×; ÷ fast evaluations per second: ${(drawsPerSecond / fastPerSecond).toFixed(1)}×`);

/** bin/kalkyle.js runs dist/ when it is at least as new as src/, else the sources through tsx: say which. */
function builtIsFresh(): boolean {
  try {
    const built = statSync(join(ROOT, "dist/cli/run-cli.js")).mtimeMs;
    return readdirSync(join(ROOT, "src"), { withFileTypes: true, recursive: true }).every((e) => !e.isFile() || statSync(join(e.parentPath, e.name)).mtimeMs <= built);
  } catch {
    return false;
  }
}

const dir = mkdtempSync(join(tmpdir(), "kalkyle-bench-mc-"));
try {
  const file = join(dir, "case.json");
  writeFileSync(file, JSON.stringify(doc));
  const cli = (...args: string[]) => {
    const started = performance.now();
    const child = spawnSync(process.execPath, ["bin/kalkyle.js", "evaluate", file, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
    if (child.status !== 0) throw new Error(`kalkyle evaluate ${args.join(" ")}: exit ${child.status}: ${child.stderr}`);
    return performance.now() - started;
  };
  cli(); // a first start fills the file cache
  const plain: number[] = [];
  const sampled: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    plain.push(cli());
    sampled.push(cli("--samples", String(SAMPLES), "--seed", "42"));
  }
  console.log(`CLI (${builtIsFresh() ? "the build in dist/" : "the sources through tsx: run npm run build first"}), median of ${RUNS}:`);
  console.log(`  kalkyle evaluate: ${median(plain).toFixed(0)} ms; with --samples ${SAMPLES} --seed 42: ${median(sampled).toFixed(0)} ms; ratio ${(median(sampled) / median(plain)).toFixed(2)} (+${((median(sampled) / median(plain) - 1) * 100).toFixed(0)} %)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
