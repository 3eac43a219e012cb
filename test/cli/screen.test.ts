/**
 * `kalkyle screen` on a small ledger written to a temporary directory:
 * in-process through run() (JSON and table, both languages, the broken
 * lines listed, exit 2 on a file that cannot be read and on a --mapping
 * or --columns file that cannot be used, progress on stderr), and once as
 * a child process through bin/kalkyle.js, the way the process entry goes
 * to the screen module.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { screenCommand } from "../../src/cli/screen-command.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DIR = mkdtempSync(join(tmpdir(), "screen-cli-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(DIR, name);
  writeFileSync(path, content);
  return path;
}

// 115 (food), 120 and 010 (salaries, out of scope) are in the default KOSTRA mapping; 99900 is in no rule; line 6 has no account.
const LEDGER = file(
  "ledger.csv",
  [
    "År;Art;Funksjon;Leverandør;Orgnr;Tekst;Beløp",
    "2024;11500;254;Matgrossisten AS;111 111 111;Matvarer;10 000,00",
    "2024;11500;254;Matgrossisten AS;111111111;Kreditnota;-1 000,00",
    "2024;01000;120;;;Fastlønn;50 000,00",
    "2024;99900;120;Ukjent AS;;Diverse;700,00",
    "2024;;120;Ukjent AS;;Uten konto;1,00",
    "2023;12000;120;Reisebyrået AS;987654321;Flybilletter;4 000,00",
  ].join("\n"),
);

async function kalkyle(argv: string[], env: NodeJS.ProcessEnv = { LANG: "C" }) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
  return { status, stdout: out.join("\n"), stderr: err.join("\n") };
}

type Json = {
  lines: { total: number; mapped: number; outOfScope: number; unmapped: number; creditNotes: number };
  spend: { totalNok: string; mappedNok: string };
  totalTonnes: string;
  unmapped: { account: string }[];
  bySupplier: { orgNumber: string | null; name: string }[];
  import: { read: number; broken: number };
  brokenLines: { lineNumber: number; reason: string }[];
};

describe("kalkyle screen", { timeout: 60_000 }, () => {
  it("JSON: the screening, the import counts and the broken lines with line number and reason; exit 0", async () => {
    const { status, stdout, stderr } = await kalkyle(["screen", LEDGER]);
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as Json;
    expect(result.lines).toEqual({ total: 5, mapped: 3, outOfScope: 1, unmapped: 1, creditNotes: 1 });
    // 10 000 − 1 000 (the credit note) + 4 000
    expect(result.spend.mappedNok).toBe("13000");
    expect(Number(result.totalTonnes)).toBeGreaterThan(0);
    expect(result.unmapped.map((u) => u.account)).toEqual(["99900"]);
    expect(result.bySupplier[0]).toMatchObject({ orgNumber: "111111111", name: "Matgrossisten AS" });
    expect(result.import).toMatchObject({ read: 6, broken: 1 });
    expect(result.brokenLines).toEqual([expect.objectContaining({ lineNumber: 6, reason: "account-missing" })]);
    // not a terminal: one progress line per tenth of the file reached, the last at 100 % (the reader counts every line read, broken ones too)
    expect(stderr.split("\n").at(-1)).toBe("6 lines … 100 %");
  });

  it("--mapping: the adviser's supplier rule maps the travel agency's line", async () => {
    const mapping = file("mapping.json", JSON.stringify({ rules: [{ match: { kind: "supplier", orgNumber: "987654321" }, target: { kind: "factor", factor: "spend.p62-air-transport", category: "travel" }, reason: "reisebyrå" }] }));
    const plain = JSON.parse((await kalkyle(["screen", LEDGER])).stdout) as Json;
    const mapped = await kalkyle(["screen", LEDGER, "--mapping", mapping]);
    expect(mapped.status).toBe(0);
    const result = JSON.parse(mapped.stdout) as Json;
    expect(result.bySupplier.some((s) => s.orgNumber === "987654321")).toBe(true);
    expect(Number(result.totalTonnes)).toBeGreaterThan(Number(plain.totalTonnes));
  });

  it("table in bokmål: totals, categories with the high-risk column, hot spots, unmapped accounts, broken lines", async () => {
    const { status, stdout } = await kalkyle(["screen", LEDGER, "--format", "table", "--lang", "nb"]);
    expect(status).toBe(0);
    expect(stdout).toContain("Linjer: 5 lest, 3 kartlagt, 1 utenfor omfang, 1 ikke kartlagt (1 kreditnotaer)");
    expect(stdout).toContain("13\u00a0000 kr kartlagt");
    expect(stdout).toMatch(/Kategori\s+Høyrisiko\s+Kroner\s+t CO2e\s+Linjer/);
    expect(stdout).toMatch(/Mat og drikke\s+(ja|nei)\s+9\u00a0000/);
    expect(stdout).toContain("Største leverandører:");
    expect(stdout).toMatch(/Ikke kartlagte kontoer:\n.*\n99900\s+700\s+1/);
    expect(stdout).toContain("Ødelagte linjer: 1");
    expect(stdout).toMatch(/linje 6: .+ \(«»\)/);
  });

  it("a file that cannot be read at all: exit 2, said in the user's language", async () => {
    const binary = file("binary.csv", Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
    expect(await kalkyle(["screen", binary, "--lang", "nb"])).toMatchObject({ status: 2, stderr: `${binary}: kan ikke leses som et regnskapsuttrekk (CSV eller Excel .xlsx)` });
    const missing = join(DIR, "missing.csv");
    expect(await kalkyle(["screen", missing, "--lang", "en"])).toMatchObject({ status: 2, stderr: `${missing}: no such file` });
    expect(await kalkyle(["screen", DIR, "--lang", "en"])).toMatchObject({ status: 2, stderr: `${DIR}: is not a file` });
    const empty = file("empty.csv", "");
    expect(await kalkyle(["screen", empty, "--lang", "en"])).toMatchObject({ status: 2, stderr: `${empty}: the file is empty` });
  });

  it("a bad --mapping file: exit 2, with the file and the place of each problem", async () => {
    const notJson = file("not-json.json", "{ rules: ");
    const r1 = await kalkyle(["screen", LEDGER, "--mapping", notJson, "--lang", "en"]);
    expect(r1.status).toBe(2);
    expect(r1.stderr).toMatch(new RegExp(`^${notJson}: not valid JSON \\(`));
    const noRules = file("no-rules.json", JSON.stringify([1, 2]));
    expect(await kalkyle(["screen", LEDGER, "--mapping", noRules, "--lang", "nb"])).toMatchObject({ status: 2, stderr: `${noRules}: må være et JSON-objekt med «rules»: en liste av regler` });
    const unknownFactor = file("unknown-factor.json", JSON.stringify({ rules: [{ match: { kind: "account", account: "120" }, target: { kind: "factor", factor: "spend.nothing", category: "other" }, reason: "" }] }));
    const r3 = await kalkyle(["screen", LEDGER, "--mapping", unknownFactor, "--lang", "en"]);
    expect(r3.status).toBe(2);
    expect(r3.stderr).toContain(`${unknownFactor}: rules[0].target.factor:`);
    expect(r3.stderr).toContain("spend.nothing");
  });

  it("a bad --columns file, or columns not in the file: exit 2, naming the field and the file's columns", async () => {
    const wrongField = file("columns-field.json", JSON.stringify({ konto: "Art" }));
    const r1 = await kalkyle(["screen", LEDGER, "--columns", wrongField, "--lang", "en"]);
    expect(r1.status).toBe(2);
    expect(r1.stderr).toContain(`${wrongField}: "konto" is not a field`);
    const notThere = file("columns-missing.json", JSON.stringify({ account: "Konto", amount: "Beløp", year: "År" }));
    const r2 = await kalkyle(["screen", LEDGER, "--columns", notThere, "--lang", "nb"]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain(`${LEDGER}: kolonnen «Konto» for account finnes ikke i filen`);
    expect(r2.stderr).toContain("«Art»");
  });

  it("on a terminal the progress line is rewritten in place and ends with the count at 100 %", async () => {
    const written: string[] = [];
    const err: string[] = [];
    const status = await screenCommand({ file: LEDGER, mapping: undefined, columns: undefined, format: "json", lang: "nb", terminal: { write: (t) => written.push(t) } }, { out: () => undefined, err: (t) => err.push(t) });
    expect(status).toBe(0);
    expect(err).toEqual([]);
    expect(written.every((t) => t.startsWith("\r") || t === "\n")).toBe(true);
    expect(written.join("")).toMatch(/\r6 linjer … 100 %\n$/);
  });

  it("as a child process, screen loads no unit engine, case evaluator, search index or database driver", () => {
    // A resolve hook that names every package the process loads, on stderr.
    const hooks = file("hooks.mjs", `export async function resolve(s, c, next) { const r = await next(s, c); const m = r.url.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//); if (m) process.stderr.write("PACKAGE " + m[1] + "\\n"); return r; }`);
    const register = file("register.mjs", `import { register } from "node:module"; register(${JSON.stringify(`file://${hooks}`)});`);
    const child = spawnSync(process.execPath, ["--import", register, "bin/kalkyle.js", "screen", LEDGER], { cwd: ROOT, encoding: "utf8", env: { ...process.env, LANG: "C" }, timeout: 60_000 });
    expect(child.status).toBe(0);
    const packages = new Set([...child.stderr.matchAll(/^PACKAGE (\S+)$/gmu)].map((m) => m[1]));
    expect(packages.has("csv-parse")).toBe(true);
    for (const heavy of ["mathjs", "minisearch", "better-sqlite3", "pg", "exceljs"]) expect(packages.has(heavy), heavy).toBe(false);
  });

  it("as a child process: the process entry runs screen, JSON on stdout, progress on stderr", () => {
    const child = spawnSync(process.execPath, ["bin/kalkyle.js", "screen", LEDGER], { cwd: ROOT, encoding: "utf8", env: { ...process.env, LANG: "C" }, timeout: 60_000 });
    expect(child.status).toBe(0);
    expect((JSON.parse(child.stdout) as Json).lines.total).toBe(5);
    expect(child.stderr.trim()).toMatch(/lines … 100 %$/);
  });
});
