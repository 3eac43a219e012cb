/**
 * `run(argv, io)` in-process: the finer points of the command line (formats,
 * languages, files that are missing or not JSON, usage). run() loads the
 * bundled factor set, so the cases use inline factors only and the suite
 * skips itself while the bundled set does not load.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { bundledSetLoads } from "./bundled-set.js";

const CASES = fileURLToPath(new URL("../fixtures/cases/", import.meta.url));


function kalkyle(argv: string[], env: NodeJS.ProcessEnv = { LANG: "C" }) {
  const out: string[] = [];
  const err: string[] = [];
  const status = run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
  return { status, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe.skipIf(!bundledSetLoads())("run(argv, io)", () => {
  it("validate a valid case: exit 0, says so in the chosen language", () => {
    expect(kalkyle(["validate", `${CASES}inline-chairs.json`, "--lang", "en"])).toEqual({ status: 0, stdout: `${CASES}inline-chairs.json: valid`, stderr: "" });
    expect(kalkyle(["validate", `${CASES}inline-chairs.json`, "--lang", "nb"]).stdout).toBe(`${CASES}inline-chairs.json: gyldig`);
  });

  it("validate a valid case with a warning: exit 0, the warning on stderr with its path", () => {
    const dir = mkdtempSync(join(tmpdir(), "kalkyle-cli-"));
    const file = join(dir, "every-15.json");
    const doc = JSON.parse(readFileSync(`${CASES}inline-chairs.json`, "utf8")) as { alternatives: { costs: unknown[] }[] };
    doc.alternatives[0]!.costs.push({ kind: "maintenance", amount: 100, every: 15 });
    writeFileSync(file, JSON.stringify(doc));
    try {
      const result = kalkyle(["validate", file, "--lang", "en"]);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${file}: valid`);
      expect(result.stderr).toMatch(/^alternatives\[0\]\.costs\[\d+\]\.every: warning: Recurs every 15 years, but the analysis period is \d+ years: the item never occurs$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("takes the language from LANG when --lang is not given", () => {
    const nb = kalkyle(["validate", `${CASES}unknown-fields.json`], { LANG: "nb_NO.UTF-8" });
    expect(nb.status).toBe(2);
    expect(nb.stderr).toContain("analysis.discountrate: ukjent felt «discountrate» (sjekk stavemåten)");
    const en = kalkyle(["validate", `${CASES}unknown-fields.json`], { LANG: "en_GB.UTF-8" });
    expect(en.stderr).toContain('analysis.discountrate: unknown field "discountrate" (check the spelling)');
  });

  it("the table in Norwegian: Norwegian headings, numbers with no-break spaces and decimal commas", () => {
    const { status, stdout } = kalkyle(["evaluate", `${CASES}inline-chairs.json`, "--format", "table", "--lang", "nb"]);
    expect(status).toBe(0);
    expect(stdout).toContain("Nåverdi kr");
    expect(stdout).toContain("Rangering: avfallspyramiden (nivå, deretter t CO2e, deretter nåverdi)");
    // A: 188 110.90 NOK rounds to "188 111"; 215 kg = "0,22" t; dominated → "ja"
    expect(stdout).toContain("188\u00a0111");
    expect(stdout).toContain("0,22");
    expect(stdout).toMatch(/A Ny stol.*ja/);
    // the comparison: B against A, −150 kg = "−0,15" t, payback year 0
    expect(stdout).toMatch(/B\s+A\s+\u22120,15/);
  });

  it("evaluate writes the same document as evaluateDocument: parseable JSON on stdout, nothing on stderr", () => {
    const { status, stdout, stderr } = kalkyle(["evaluate", `${CASES}inline-chairs.json`]);
    expect(status).toBe(0);
    expect(stderr).toBe("");
    expect(JSON.parse(stdout)).toMatchObject({ schema: "kalkyle.result/1", ranking: { method: "waste-pyramid", order: ["B", "A"] } });
  });

  it("a file that is not JSON: exit 2, a problem at the document", () => {
    const { status, stderr } = kalkyle(["evaluate", `${CASES}not-json.json`]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^\(document\): is not valid JSON: /);
  });

  it("a file that does not exist, or no file: exit 2", () => {
    expect(kalkyle(["evaluate", `${CASES}no-such-case.json`])).toEqual({ status: 2, stdout: "", stderr: `${CASES}no-such-case.json: no such file` });
    expect(kalkyle(["validate", `${CASES}no-such-case.json`, "--lang", "nb"]).stderr).toBe(`${CASES}no-such-case.json: finnes ikke`);
    const none = kalkyle(["evaluate"]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("Usage:");
  });

  it("an unknown format or option, or no command: exit 2; help: exit 0", () => {
    expect(kalkyle(["evaluate", `${CASES}inline-chairs.json`, "--format", "xml"])).toEqual({ status: 2, stdout: "", stderr: "--format: must be json or table" });
    const option = kalkyle(["evaluate", "--colour"]);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("Usage:");
    const none = kalkyle([]);
    expect(none.status).toBe(2);
    expect(none.stdout).toContain("Usage:");
    expect(kalkyle(["--help"]).status).toBe(0);
    expect(kalkyle(["help"]).status).toBe(0);
  });

  it("factors: a search and a group narrow the list; an unknown set is exit 2", () => {
    const all = kalkyle(["factors"]);
    expect(all.status).toBe(0);
    const count = all.stdout.split("\n").length;
    const electricity = kalkyle(["factors", "--group", "electricity"]);
    expect(electricity.status).toBe(0);
    const lines = electricity.stdout.split("\n");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(count);
    expect(electricity.stderr).toBe(`${lines.length} factors in factor set ${loadFactorLibrary().newest}`);
    const unknownSet = kalkyle(["factors", "--set", "1999-9"]);
    expect(unknownSet.status).toBe(2);
    expect(unknownSet.stderr).toMatch(/^--set: unknown factor set "1999-9"/);
  });

  it("factors: several words are one search, most relevant first, with --unit; the count in the language's plural", () => {
    const chairs = kalkyle(["factors", "kontor", "stol", "--lang", "nb"]);
    expect(chairs.status).toBe(0);
    expect(chairs.stdout.split("\n")[0]).toMatch(/furniture/);
    const perKwh = kalkyle(["factors", "strøm", "--unit", "kWh"]);
    const units = perKwh.stdout.split("\n").map((line) => line.split("\t")[1]!);
    expect(units.length).toBeGreaterThan(0);
    for (const unit of units) expect(unit).toMatch(/\/kWh$/);
    // the count agrees with the lines, in the singular where there is one
    const count = chairs.stdout.split("\n").length;
    expect(chairs.stderr).toMatch(new RegExp(`^${count} ${count === 1 ? "faktor" : "faktorer"} i faktorsett `));
    expect(kalkyle(["factors", "--group", "electricity", "--lang", "en"]).stderr).toMatch(/^\d+ factors in factor set /);
  });
});
