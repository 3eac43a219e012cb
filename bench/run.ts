/**
 * `npm run bench`: how fast the calculation core evaluates one case.
 *
 * Takes the largest case in examples/ (most emission and cost items) and
 * evaluates it with the bundled factor set; without examples (or when the
 * bundled set does not load) a generated case of 5 alternatives × 40 items
 * against the fixture set test-1 stands in (KALKYLE_BENCH_GENERATED=1 forces
 * it). Three rates are printed:
 *   - evaluateDocument: parse, resolve against the set, evaluate, result JSON;
 *   - evaluateCase: the decimal core alone, on the resolved case;
 *   - fast evaluator: the case compiled once (src/core/fast), then
 *     evaluated in plain numbers, as pages and repeated evaluations do;
 *     and compile + evaluate together, as one request does;
 *   - plain numbers: the same emissions totals and present values with JS
 *     doubles, as the reference for what the decimal arithmetic costs;
 * the ratio between them, the heap used, and how far the doubles drift
 * from the decimals. Figures only, no assertions; they are also written to
 * bench/results/core.json.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { evaluateDocument } from "../src/case/evaluate-document.js";
import { evaluateCase } from "../src/core/evaluate.js";
import { compileCase, evaluateCompiled } from "../src/core/fast/index.js";
import type { At, ResolvedCase, Timing } from "../src/core/types.js";
import type { FactorLibrary } from "../src/factors/factor-set.js";
import { loadFactorLibrary } from "../src/factors/load.js";

const EXAMPLES = fileURLToPath(new URL("../examples/", import.meta.url));
const FIXTURES = fileURLToPath(new URL("../test/fixtures/factors/", import.meta.url));
const SECONDS_PER_RATE = 3;

type Doc = { alternatives: { emissions?: unknown[]; costs?: unknown[] }[] } & Record<string, unknown>;
const itemCount = (doc: Doc) => doc.alternatives.reduce((n, a) => n + (a.emissions?.length ?? 0) + (a.costs?.length ?? 0), 0);

function largestExample(): { name: string; doc: Doc } | undefined {
  let files: string[];
  try {
    files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".json"));
  } catch {
    return undefined;
  }
  const docs = files.map((f) => ({ name: `examples/${f}`, doc: JSON.parse(readFileSync(join(EXAMPLES, f), "utf8")) as Doc }));
  return docs.sort((a, b) => itemCount(b.doc) - itemCount(a.doc))[0];
}

/** 5 alternatives × 40 items (32 emissions, 8 costs) against test-1, deterministic. */
function generatedCase(): Doc {
  const emissionTemplates = [
    { kind: "material", factor: "mat.steel", unit: "kg" },
    { kind: "material", factor: "mat.wood", unit: "t" },
    { kind: "delivery", factor: "van.diesel", unit: "km" },
    { kind: "delivery", factor: "van.bev", unit: "km" },
    { kind: "energy", factor: "electricity", unit: "MWh" },
    { kind: "freight", factor: "freight.road", unit: "tkm" },
    { kind: "waste", factor: "waste.paper.recycling", unit: "kg" },
    { kind: "spend", factor: "spend.furniture", unit: "NOK" },
  ];
  const costKinds = ["acquisition", "installation", "energy", "operation", "maintenance", "replacement", "endOfLife", "residual"];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return {
    schema: "kalkyle.case/1",
    title: "Generated benchmark case",
    factorSet: "test-1",
    analysis: { startYear: 2026, years: 30, discountRate: 0.04, carbonPrice: "default" },
    ranking: "lcc-with-carbon",
    alternatives: Array.from({ length: 5 }, (_, a) => ({
      id: `alt-${a + 1}`,
      name: `Alternative ${a + 1}`,
      emissions: Array.from({ length: 32 }, (_, i) => {
        const t = emissionTemplates[i % emissionTemplates.length]!;
        const recurring = i % 4 === 0 ? { every: 1 + (i % 5) } : {};
        return { kind: t.kind, factor: t.factor, quantity: `${(next() * 10000).toFixed(2)} ${t.unit}`, count: 1 + (i % 3), ...recurring };
      }),
      costs: costKinds.map((kind, i) => ({ kind, amount: Math.round(next() * 500000), ...(i % 2 === 0 ? { every: 1 + i } : {}), escalation: i % 3 === 0 ? 0.02 : 0 })),
    })),
  };
}

function pickCase(): { name: string; doc: Doc; library: FactorLibrary } {
  const example = process.env.KALKYLE_BENCH_GENERATED ? undefined : largestExample();
  if (example) {
    try {
      const library = loadFactorLibrary();
      if (evaluateDocument(example.doc, library).ok) return { ...example, library };
      console.log(`${example.name} does not evaluate against the bundled set; using a generated case`);
    } catch (error) {
      console.log(`bundled factor set did not load (${(error as Error).message.split("\n")[0]}); using a generated case`);
    }
  }
  return { name: "generated 5 × 40 against test-1", doc: generatedCase(), library: loadFactorLibrary(FIXTURES) };
}

// ---- the plain-number reference: emissions totals and present values with doubles ----

type PlainEmission = { once: number; stageD: boolean; timing: Timing; defaultAt: At };
type PlainCost = { amount: number; escalation: number; timing: Timing; defaultAt: At };
type PlainCase = { years: number; rate: number; alternatives: { emissions: PlainEmission[]; costs: PlainCost[] }[] };

function toPlain(c: ResolvedCase): PlainCase {
  return {
    years: c.years,
    rate: c.discountRate.toNumber(),
    alternatives: c.alternatives.map((alt) => ({
      emissions: alt.emissions.map((e) => ({
        once: e.quantity.toNumber() * e.kgPerUnit.toNumber() * e.count.toNumber(),
        stageD: e.stage === "D",
        timing: { at: e.at, every: e.every },
        defaultAt: e.kind === "waste" ? "end" : 0,
      })),
      costs: alt.costs.map((k) => ({
        amount: k.kind === "residual" ? -k.amount.toNumber() : k.amount.toNumber(),
        escalation: k.escalation.toNumber(),
        timing: { at: k.at, every: k.every },
        defaultAt: k.kind === "endOfLife" || k.kind === "residual" ? "end" : 0,
      })),
    })),
  };
}

function plainYears(t: Timing, years: number, defaultAt: At): number[] {
  const yearOf = (at: At) => (at === "end" ? years : at);
  if (t.every === undefined) {
    const y = yearOf(t.at ?? defaultAt);
    return y <= years ? [y] : [];
  }
  const out: number[] = [];
  for (let y = t.at === undefined ? t.every : yearOf(t.at); y <= years; y += t.every) out.push(y);
  return out;
}

function plainEvaluate(c: PlainCase): { totalKg: number; presentValue: number }[] {
  return c.alternatives.map((alt) => {
    const byYear = new Array<number>(c.years + 1).fill(0);
    for (const e of alt.emissions) {
      if (e.stageD) continue;
      for (const y of plainYears(e.timing, c.years, e.defaultAt)) byYear[y]! += e.once;
    }
    let pv = 0;
    for (const k of alt.costs) {
      for (const y of plainYears(k.timing, c.years, k.defaultAt)) pv += (k.amount * (1 + k.escalation) ** y) / (1 + c.rate) ** y;
    }
    return { totalKg: byYear.reduce((a, b) => a + b, 0), presentValue: pv };
  });
}

// ---- timing ----

/** Keeps the results reachable so that no run is optimised away. */
export let blackhole: unknown;

function rate(label: string, work: () => unknown): number {
  const warmUntil = performance.now() + 500;
  while (performance.now() < warmUntil) work();
  let count = 0;
  const start = performance.now();
  const until = start + SECONDS_PER_RATE * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 10; i++) blackhole = work();
    count += 10;
  }
  const perSecond = count / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(34)} ${perSecond.toFixed(1).padStart(12)} evaluations/s  (${(1e6 / perSecond).toFixed(1)} µs each)`);
  return perSecond;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

const { name, doc, library } = pickCase();
const first = evaluateDocument(doc, library);
if (!first.ok) throw new Error(`benchmark case does not evaluate: ${JSON.stringify(first.problems)}`);
const resolved = first.resolved;
const plain = toPlain(resolved);

console.log(`case: ${name} — ${doc.alternatives.length} alternatives, ${itemCount(doc)} items, N = ${resolved.years}, factor set ${first.context.set.id}`);
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
const heapBefore = process.memoryUsage().heapUsed;
const documentRate = rate("evaluateDocument (decimal)", () => evaluateDocument(doc, library));
const coreRate = rate("evaluateCase, core only (decimal)", () => evaluateCase(resolved));
const compiled = compileCase(resolved);
const fastRate = rate("fast evaluator, compiled once", () => evaluateCompiled(compiled));
const compileRate = rate("fast evaluator, compile + evaluate", () => evaluateCompiled(compileCase(resolved)));
const plainRate = rate("plain JS numbers (reference)", () => plainEvaluate(plain));
const heapAfter = process.memoryUsage().heapUsed;

console.log(`ratio plain / evaluateDocument:      ${(plainRate / documentRate).toFixed(1)} ×`);
console.log(`ratio plain / evaluateCase:          ${(plainRate / coreRate).toFixed(1)} ×`);
console.log(`ratio evaluateCase / evaluateDocument: ${(coreRate / documentRate).toFixed(2)} ×`);
console.log(`ratio plain / fast evaluator:        ${(plainRate / fastRate).toFixed(2)} ×  (goal: within 3 ×)`);
console.log(`ratio fast evaluator / evaluateCase: ${(fastRate / coreRate).toFixed(0)} ×`);

const decimals = first.core.alternatives;
const drift = plainEvaluate(plain).map((p, i) => {
  const d = decimals[i]!;
  const rel = (a: number, b: number) => (b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b));
  return Math.max(rel(p.totalKg, d.emissions.totalKg.toNumber()), rel(p.presentValue, d.lcc.presentValue.toNumber()));
});
console.log(`largest relative difference, doubles vs decimals (totals and PV): ${Math.max(...drift).toExponential(2)}`);
console.log(`heap used: ${mb(heapAfter)} after the runs (${mb(heapBefore)} before); rss ${mb(process.memoryUsage().rss)}`);

writeFileSync(
  new URL("./results/core.json", import.meta.url),
  `${JSON.stringify(
    {
      case: name,
      node: process.version,
      evaluationsPerSecond: { evaluateDocument: documentRate, evaluateCase: coreRate, fastCompiledOnce: fastRate, fastCompileAndEvaluate: compileRate, plainReference: plainRate },
      ratios: { plainOverFast: plainRate / fastRate, plainOverEvaluateCase: plainRate / coreRate, fastOverEvaluateCase: fastRate / coreRate },
      largestRelativeDrift: Math.max(...drift),
    },
    null,
    2,
  )}\n`,
);
