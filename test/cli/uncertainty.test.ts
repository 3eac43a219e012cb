/**
 * `kalkyle evaluate CASE --samples N [--seed S] [--cost-range P]` in-process:
 * the `uncertainty` block in the JSON result (valid by the result schema,
 * reproduced by its seed, a drawn seed written so the run can be
 * repeated), the P5–P95 lines of the table, and every bad value refused
 * with exit 2 and a message in the chosen language.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { uncertaintyOptions } from "../../src/cli/uncertainty-options.js";
import { resultSchema } from "../../src/case/result-schema.js";
import { MAX_SEED } from "../../src/core/finance/random.js";
import { UNCERTAINTY_BOUNDS } from "../../src/case/uncertainty-bounds.js";
import { bundledSetLoads } from "./bundled-set.js";

const CHAIRS = fileURLToPath(new URL("../fixtures/cases/inline-chairs.json", import.meta.url));

async function kalkyle(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, { LANG: "C" });
  return { status, stdout: out.join("\n"), stderr: err.join("\n") };
}

const evaluate = async (...options: string[]) => {
  const { status, stdout, stderr } = await kalkyle(["evaluate", CHAIRS, ...options]);
  expect([status, stderr]).toEqual([0, ""]);
  return resultSchema.parse(JSON.parse(stdout));
};

describe("uncertaintyOptions", () => {
  it("reads the three options, 10 % for costs unless given, and draws a seed only when none is given", () => {
    expect(uncertaintyOptions({})).toEqual({ ok: true, options: null });
    expect(uncertaintyOptions({ samples: "10000", seed: "42" })).toEqual({ ok: true, options: { samples: 10000, seed: 42, costPercent: 10 } });
    expect(uncertaintyOptions({ samples: "1", costRange: "7,5" }, () => 9)).toEqual({ ok: true, options: { samples: 1, seed: 9, costPercent: 7.5 } });
    expect(uncertaintyOptions({ samples: "100000", seed: String(MAX_SEED), costRange: "0" })).toEqual({ ok: true, options: { samples: 100000, seed: MAX_SEED, costPercent: 0 } });
  });

  it("refuses what is not a whole number or out of range, naming the option", () => {
    for (const samples of ["0", "100001", "1.5", "1e4", "-3", "ti", ""]) expect(uncertaintyOptions({ samples })).toEqual({ ok: false, refusal: "samples" });
    for (const seed of ["-1", "4294967296", "4.2", "x"]) expect(uncertaintyOptions({ samples: "10", seed })).toEqual({ ok: false, refusal: "seed" });
    for (const costRange of ["101", "-1", "ti", "10 %"]) expect(uncertaintyOptions({ samples: "10", costRange })).toEqual({ ok: false, refusal: "cost-range" });
    expect(uncertaintyOptions({ seed: "42" })).toEqual({ ok: false, refusal: "needs-samples" });
  });

  it("the seed's bound is the generator's", () => {
    expect(UNCERTAINTY_BOUNDS.seed.max).toBe(MAX_SEED);
  });
});

describe.skipIf(!bundledSetLoads())("kalkyle evaluate --samples", { timeout: 60_000 }, () => {
  it("adds the block: one input per inline factor and cost item, B beats A in every draw, and the seed reproduces it", async () => {
    const first = await evaluate("--samples", "2000", "--seed", "42");
    const block = first.uncertainty!;
    expect([block.samples, block.seed]).toEqual([2000, 42]);
    expect(block.inputs.map((i) => i.key)).toEqual(["inline:A/0", "inline:A/1", "inline:B/0", "inline:B/1", "cost:A/0", "cost:A/1", "cost:B/0"]);
    expect(block.inputs[0]!.range).toMatchObject({ basis: "default", dataKind: "product-specific" });
    expect(block.inputs[4]!.range).toEqual({ distribution: { shape: "triangular", low: 0.9, mode: 1, high: 1.1 }, basis: "user" });
    // A: 215 kg and 188 111 NOK (−10 % at least 169 300); B: 65 kg and 120 000 NOK (+10 % at most 132 000): B wins every draw
    expect(block.beatsBaseline).toEqual([{ id: "B", kg: 1, lcc: 1 }]);
    const [a, b] = block.alternatives;
    expect(a!.kg.p5).toBeLessThan(215);
    expect(a!.kg.p95).toBeGreaterThan(215);
    expect(b!.lcc.p5).toBeGreaterThanOrEqual(108_000);
    expect(b!.lcc.p95).toBeLessThanOrEqual(132_000);
    expect(a!.lccWithCarbon).toBeUndefined(); // the case has no carbon price
    expect(await evaluate("--samples", "2000", "--seed", "42")).toEqual(first);
  });

  it("--cost-range 0: the LCC of every draw is the deterministic present value", async () => {
    const result = await evaluate("--samples", "50", "--seed", "1", "--cost-range", "0");
    result.alternatives.forEach((alt, i) => {
      const lcc = result.uncertainty!.alternatives[i]!.lcc;
      for (const p of [lcc.p5, lcc.p50, lcc.p95, lcc.mean]) expect(Math.abs(p - alt.lcc.presentValue)).toBeLessThanOrEqual(1e-9 * alt.lcc.presentValue);
    });
  });

  it("without --seed a seed is drawn and written, and giving it back repeats the run", async () => {
    const drawn = await evaluate("--samples", "300");
    const seed = drawn.uncertainty!.seed;
    expect(Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED).toBe(true);
    expect((await evaluate("--samples", "300", "--seed", String(seed))).uncertainty).toEqual(drawn.uncertainty);
  });

  it("--format table: a P5–P95 line per alternative and how often it beats the baseline", async () => {
    const en = await kalkyle(["evaluate", CHAIRS, "--samples", "1000", "--seed", "3", "--format", "table", "--lang", "en"]);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain("Uncertainty (Monte Carlo): 1,000 draws, seed 3, cost items ±10 %");
    expect(en.stdout).toMatch(/B Ombrukt stol\s+0\.0\d–0\.0\d\s+0\.0\d\s+1\d\d,\d{3}–1\d\d,\d{3}\s+1\d\d,\d{3}\s+100 %\s+100 %/);
    const nb = await kalkyle(["evaluate", CHAIRS, "--samples", "1000", "--seed", "3", "--format", "table", "--lang", "nb"]);
    expect(nb.stdout).toContain("Usikkerhet (Monte Carlo): 1\u00a0000 trekk, startverdi 3, kostnadsposter ±10 %"); // the group separator is a no-break space
    expect(nb.stdout).toContain("Bedre enn referansen: CO2e");
  });

  it("bad values: exit 2 and what is wrong, in bokmål or English, and no result", async () => {
    expect(await kalkyle(["evaluate", CHAIRS, "--samples", "0", "--lang", "en"])).toEqual({ status: 2, stdout: "", stderr: "--samples: must be a whole number from 1 to 100,000" });
    expect(await kalkyle(["evaluate", CHAIRS, "--samples", "ti", "--lang", "nb"])).toEqual({ status: 2, stdout: "", stderr: "--samples: må være et heltall fra 1 til 100 000" });
    expect(await kalkyle(["evaluate", CHAIRS, "--samples", "10", "--seed", "4294967296", "--lang", "en"])).toEqual({ status: 2, stdout: "", stderr: "--seed: must be a whole number from 0 to 4,294,967,295" });
    expect((await kalkyle(["evaluate", CHAIRS, "--samples", "10", "--cost-range", "150", "--lang", "nb"])).stderr).toBe("--cost-range: må være en prosent fra 0 til 100, for eksempel 10 eller 7,5");
    expect(await kalkyle(["evaluate", CHAIRS, "--seed", "42", "--lang", "en"])).toEqual({ status: 2, stdout: "", stderr: "--seed and --cost-range apply only together with --samples" });
  });
});
