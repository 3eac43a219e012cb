/**
 * The `kalkyle` command end to end, as a child process (`node bin/kalkyle.js`):
 * exit status, what goes to stdout and stderr, and that a malformed case
 * names every problem and never shows a stack trace. The command loads the
 * bundled factor set, so the cases here use inline factors only; the suite
 * skips itself while the bundled set does not load. Each run starts a
 * process (seconds under tsx), so only the main paths run here; the finer
 * points of the command are tested in-process in main.test.ts.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundledSetLoads } from "./bundled-set.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CASES = fileURLToPath(new URL("../fixtures/cases/", import.meta.url));


function kalkyle(...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/kalkyle.js", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, LANG: "C" }, timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const STACK = /\n\s+at |\.ts:\d+|node:internal|Error:/;

describe.skipIf(!bundledSetLoads())("kalkyle (child process)", { timeout: 120_000 }, () => {
  it("evaluate: exit 0 and the result document as JSON, figures as computed by hand", () => {
    const { status, stdout, stderr } = kalkyle("evaluate", `${CASES}inline-chairs.json`);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as {
      schema: string;
      factorSet: string;
      factorSetHash: string;
      alternatives: { id: string; emissions: { totalKg: number; directKg: number }; lcc: { presentValue: number }; rank: number; dominated: boolean }[];
      ranking: { order: string[] };
      comparison: { id: string; deltaKg: number; paybackYear: number | null }[];
    };
    expect(result.schema).toBe("kalkyle.result/1");
    expect(result.factorSetHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const [a, b] = result.alternatives;
    // A: 120 kg × 1.5 = 180 kg + 35 km × 0.25 × 4 = 35 kg → 215 kg; B: 20 kg × 1.5 = 30 + 35 → 65 kg
    expect([a!.emissions.totalKg, a!.emissions.directKg, b!.emissions.totalKg]).toEqual([215, 35, 65]);
    // A: 180000 + Σ_{t=1..10} 1000 / 1.04^t = 188110.8957793550…
    expect(Math.abs(a!.lcc.presentValue - 188110.895779355)).toBeLessThan(1e-6);
    expect(b!.lcc.presentValue).toBe(120000);
    expect(result.ranking.order).toEqual(["B", "A"]);
    expect([a!.dominated, b!.dominated]).toEqual([true, false]);
    expect(result.comparison).toEqual([expect.objectContaining({ id: "B", deltaKg: -150, paybackYear: 0 })]);
  });

  it("evaluate --format table: a readable table with the alternatives' names, best first", () => {
    const en = kalkyle("evaluate", `${CASES}inline-chairs.json`, "--format", "table", "--lang", "en");
    expect(en.status).toBe(0);
    expect(en.stdout).toContain("Kontorstoler (inline factors)");
    expect(en.stdout).toContain("B Ombrukt stol");
    expect(en.stdout).toContain("A Ny stol");
    expect(en.stdout).toContain("Present value NOK");
    expect(en.stdout.indexOf("Ombrukt stol")).toBeLessThan(en.stdout.indexOf("Ny stol"));
  });

  it("evaluate a malformed case: exit 2, every problem with its path, no stack trace, nothing on stdout", () => {
    const { status, stdout, stderr } = kalkyle("evaluate", `${CASES}inline-malformed.json`, "--lang", "en");
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).not.toMatch(STACK);
    expect(stderr.trim().split("\n").sort()).toEqual(
      [
        'alternatives[1].id: id "A" is used twice',
        'baseline: "Z" names no alternative (available: A, A)',
        "ranking: ranking with carbon cost needs analysis.carbonPrice",
        'alternatives[0].emissions[0].quantity: "12 parsecs" cannot be converted to l (unknown unit "parsecs")',
        'alternatives[0].emissions[1].quantity: "3 ton": "ton" is the US short ton; write "t" for metric tonnes',
        "alternatives[0].emissions[2].at: year 11 is after the analysis period (0–10)",
        'alternatives[1].costs[0].amount: "5 EUR" is not an amount in NOK, e.g. "180000 NOK"',
      ].sort(),
    );
  });

  it("validate: exit 2 with the structural problems (unknown fields at every depth, __proto__ too), in Norwegian", () => {
    const { status, stdout, stderr } = kalkyle("validate", `${CASES}unknown-fields.json`, "--lang", "nb");
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).not.toMatch(STACK);
    expect(stderr.trim().split("\n").sort()).toEqual(
      [
        "__proto__: ukjent felt «__proto__» (sjekk stavemåten)",
        "analysis.years: må være minst 1",
        "analysis.discountrate: ukjent felt «discountrate» (sjekk stavemåten)",
        "alternatives[0].colour: ukjent felt «colour» (sjekk stavemåten)",
        "alternatives[0].emissions[0].qty: ukjent felt «qty» (sjekk stavemåten)",
      ].sort(),
    );
  });

  it("factors: lists records as id, value and unit, name and source; exit 0", () => {
    const { status, stdout, stderr } = kalkyle("factors");
    expect(status).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line.split("\t"), line).toHaveLength(4);
    expect(stderr).toMatch(new RegExp(`^${lines.length} factors in factor set \\S+`));
  });

  it("an unknown command: exit 2 with the usage", () => {
    const unknown = kalkyle("evalute", `${CASES}inline-chairs.json`);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "evalute"');
    expect(unknown.stderr).toContain("Usage:");
    expect(unknown.stderr).not.toMatch(STACK);
  });
});
