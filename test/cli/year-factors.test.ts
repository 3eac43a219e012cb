/**
 * `kalkyle validate` and `kalkyle evaluate` accept a case whose factor is
 * given per calendar year (run in-process against the bundled set, with an
 * inline factor so the figures do not depend on the set's values): 1 000
 * kWh a year for 3 years from 2026 at {2026: 0.02, 2028: 0.01} kg/kWh →
 * 20 + 15 + 10 = 45 kg; a negative year is refused with exit 2, the year
 * named in the message.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { resultSchema } from "../../src/case/result-schema.js";
import { bundledSetLoads } from "./bundled-set.js";

const dir = mkdtempSync(join(tmpdir(), "kalkyle-cli-year-factors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function caseFile(name: string, byYear: Record<string, number>): string {
  const file = join(dir, name);
  const doc = {
    schema: "kalkyle.case/1",
    title: "Strøm som blir renere",
    analysis: { startYear: 2026, years: 2, discountRate: 0.04 },
    alternatives: [
      { id: "A", name: "Varmepumpe", emissions: [{ label: "Strøm", kind: "energy", factor: { byYear, unit: "kgCO2e/kWh" }, quantity: "1000 kWh", at: 0, every: 1 }], costs: [{ kind: "acquisition", amount: 1000 }] },
      { id: "B", name: "Som i dag", emissions: [{ label: "Strøm", kind: "energy", factor: { value: 0.02, unit: "kgCO2e/kWh" }, quantity: "1000 kWh", at: 0, every: 1 }], costs: [{ kind: "acquisition", amount: 1000 }] },
    ],
  };
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

async function kalkyle(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, { LANG: "C" });
  return { status, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe.skipIf(!bundledSetLoads())("the command line and factors given by year", () => {
  it("evaluate: 20, 15 and 10 kg in 2026, 2027 and 2028, 45 kg in all, the item marked as varying by year", async () => {
    const file = caseFile("grid.json", { "2026": 0.02, "2028": 0.01 });
    expect(await kalkyle(["validate", file, "--lang", "en"])).toEqual({ status: 0, stdout: `${file}: valid`, stderr: "" });
    const { status, stdout, stderr } = await kalkyle(["evaluate", file, "--format", "json"]);
    expect([status, stderr]).toEqual([0, ""]);
    const result = resultSchema.parse(JSON.parse(stdout));
    const emissions = result.alternatives[0]!.emissions;
    expect(emissions.byYear).toEqual([20, 15, 10]);
    expect(emissions.totalKg).toBe(45);
    expect(emissions.items[0]!.yearVarying).toBe(true);
    expect(result.alternatives[1]!.emissions.totalKg).toBe(60);
  });

  it("a negative year outside stage D: exit 2, the year named in the chosen language", async () => {
    const file = caseFile("negative.json", { "2026": 0.02, "2030": -0.01 });
    const nb = await kalkyle(["validate", file, "--lang", "nb"]);
    expect(nb.status).toBe(2);
    expect(nb.stderr).toContain("verdien for 2030 er negativ; en negativ faktor er bare tillatt i trinn D");
    const en = await kalkyle(["validate", file, "--lang", "en"]);
    expect(en.stderr).toContain("the value for 2030 is negative; a negative factor is only allowed in stage D");
  });
});
