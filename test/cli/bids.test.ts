/**
 * `kalkyle template` and `kalkyle import-bid` in-process (run(argv, io)):
 * the template written, filled by the test, imported into the case file
 * (exit 0); a broken form lists every problem with its sheet and cell
 * (exit 2) and writes nothing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { BASE_CASE, BID_C, fill, supplierEntries } from "../bids/bid-fixture.js";

const dir = mkdtempSync(join(tmpdir(), "h6-bids-cli-"));
const caseFile = join(dir, "case.json");
writeFileSync(caseFile, JSON.stringify(BASE_CASE));
const set = loadFactorLibrary().sets.get("2025-2")!;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function kalkyle(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, { LANG: "C" });
  return { status, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("kalkyle template and import-bid", () => {
  it("writes the template, and imports the filled form into the case", async () => {
    const template = join(dir, "bid.xlsx");
    expect(await kalkyle(["template", caseFile, "-o", template, "--lang", "nb"])).toEqual({ status: 0, stdout: `Tilbudsskjemaet er skrevet til ${template}`, stderr: "" });
    const filled = join(dir, "filled.xlsx");
    writeFileSync(filled, await fill(readFileSync(template), "nb", supplierEntries(set, "nb")));
    const out = join(dir, "out.json");
    const imported = await kalkyle(["import-bid", caseFile, filled, "-o", out, "--lang", "en"]);
    expect(imported).toEqual({ status: 0, stdout: `Bid C was added; the case was written to ${out}`, stderr: "" });
    const written = JSON.parse(readFileSync(out, "utf8")) as typeof BASE_CASE;
    expect(written.alternatives.map((a) => a.id)).toEqual(["A", "B", "C"]);
    expect(written.alternatives[2]).toEqual(BID_C);
    // Without -o the case goes to standard output.
    const printed = await kalkyle(["import-bid", caseFile, filled]);
    expect(JSON.parse(printed.stdout)).toEqual(written);
  });

  it("imports a bid into a case whose award has a quality criterion: the award then waits for the new bid's quality points", async () => {
    // quality points for A and B only: C's are the buyer's to give after its bid is in
    const award = { maxPoints: 10, criteria: [{ kind: "price", weight: 90, model: { type: "linear", zeroAt: 2 } }, { kind: "quality", weight: 10, points: { A: 8, B: 6 } }] };
    const withAward = join(dir, "case-award.json");
    writeFileSync(withAward, JSON.stringify({ ...BASE_CASE, award }));
    const template = join(dir, "bid-award.xlsx");
    expect((await kalkyle(["template", withAward, "-o", template, "--lang", "nb"])).status).toBe(0);
    const filled = join(dir, "filled-award.xlsx");
    writeFileSync(filled, await fill(readFileSync(template), "nb", supplierEntries(set, "nb")));
    const out = join(dir, "out-award.json");
    expect(await kalkyle(["import-bid", withAward, filled, "-o", out, "--lang", "nb"])).toEqual({
      status: 0,
      stdout: `Tilbud C er lagt til; saken er skrevet til ${out}`,
      stderr: "Tildelingen regnes ikke ut før tilbud C har fått kvalitetspoeng",
    });
    const written = JSON.parse(readFileSync(out, "utf8")) as typeof BASE_CASE & { award: typeof award };
    expect(written.alternatives.map((a) => a.id)).toEqual(["A", "B", "C"]);
    expect(written.award).toEqual(award);
    // the case with the bid evaluates and names the bid still without quality points
    const evaluated = await kalkyle(["evaluate", out, "--lang", "en"]);
    expect(evaluated.status).toBe(0);
    const result = JSON.parse(evaluated.stdout) as { award?: unknown; warnings: { code: string; message: { en: string } }[] };
    expect(result.award).toBeUndefined();
    const warning = result.warnings.find((w) => w.code === "award-quality-missing")?.message.en;
    expect(warning).toMatch(/^The award is not computed: quality points are missing for ".+" \(C\)\. Give the points on the award page\.$/);
  });

  it("a broken form: exit 2, every problem with its sheet and cell, nothing written", async () => {
    const template = join(dir, "bid-en.xlsx");
    expect((await kalkyle(["template", caseFile, "-o", template, "--lang", "en"])).status).toBe(0);
    const entries = supplierEntries(set, "en");
    entries.delivery = { ...entries.delivery, C4: -1 };
    entries.endOfLife = { ...entries.endOfLife, C4: "a lot" };
    const broken = join(dir, "broken.xlsx");
    writeFileSync(broken, await fill(readFileSync(template), "en", entries));
    const out = join(dir, "never.json");
    const result = await kalkyle(["import-bid", caseFile, broken, "-o", out, "--lang", "nb"]);
    expect(result.status).toBe(2);
    expect(result.stderr.split("\n")).toEqual([
      `${broken}: Arket Delivery, celle C4: antall turer må være et helt tall større enn eller lik 0`,
      `${broken}: Arket End of life, celle C4: massen må være et tall større enn eller lik 0`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it("usage when a file is missing; a missing case file is named", async () => {
    expect((await kalkyle(["template", caseFile])).status).toBe(2);
    expect(await kalkyle(["import-bid", join(dir, "none.json"), "x.xlsx", "--lang", "en"])).toMatchObject({ status: 2, stderr: `${join(dir, "none.json")}: no such file` });
  });
});
