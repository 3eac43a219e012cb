/**
 * `kalkyle evaluate --format table` on a case with award criteria: the
 * award table (points with the weighted points, total, place), the
 * rankings, the implied carbon prices beside the reference and the notes,
 * in bokmål and English, through the command's own entry (run).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { bundledSetLoads } from "./bundled-set.js";

const CASE = fileURLToPath(new URL("../fixtures/cases/award-bids.json", import.meta.url));

async function table(lang: "nb" | "en", file = CASE): Promise<string> {
  const out: string[] = [];
  const code = await run(["evaluate", file, "--format", "table", "--lang", lang], { out: (t) => out.push(t), err: (t) => out.push(t) });
  expect(code).toBe(0);
  return out.join("\n");
}

describe.skipIf(!bundledSetLoads())("award table", () => {
  it("bokmål: points per criterion with the weighted points, total and place, in place order", async () => {
    const nb = await table("nb");
    expect(nb).toContain("Tildeling: poeng per kriterium (høyst 10), vektet i parentes");
    const lines = nb.split("\n");
    const head = lines.findIndex((l) => l.startsWith("Plass"));
    expect(lines[head]).toMatch(/^Plass\s+Tilbud\s+Pris 70 %\s+Klima 30 %\s+Sum poeng$/);
    expect(lines[head + 1]).toMatch(/^1\s+B Tilbud B\s+9,00 \(6,30\)\s+6,67 \(2,00\)\s+8,30$/);
    expect(lines[head + 2]).toMatch(/^2\s+A Tilbud A\s+10,00 \(7,00\)\s+3,33 \(1,00\)\s+8,00$/);
    expect(lines[head + 3]).toMatch(/^3\s+C Tilbud C\s+7,00 \(4,90\)\s+10,00 \(3,00\)\s+7,90$/);
    expect(nb).toContain("Rangering etter poeng: B, A, C; etter utslipp: C, B, A; etter LCC: A, B, C; etter LCC med karbonkostnad: A, B, C");
  });

  it("bokmål: the implied carbon price 14 286 kr/t beside the reference, and the notes in words", async () => {
    const lines = (await table("nb")).split("\n");
    const head = lines.findIndex((l) => l.startsWith("Lavere CO2e"));
    expect(lines[head + 1]).toMatch(/^C\s+B\s+10,00\s+14\u00a0286\s+[\d\u00a0]+$/);
    expect(lines.some((l) => l.startsWith("Referanse: R-109-banen,"))).toBe(true);
    expect(lines).toContain("Merknader til tildelingen:");
    expect(lines.some((l) => /^ {2}Vektingen priser et tonn CO2e mellom tilbud B og A til 14\u00a0286 kr, [\d,]+ ganger R-109-banens/.test(l))).toBe(true);
  });

  it("scored on marked-up CO2e: the emissions ranking is of the marked-up CO2e and says so", async () => {
    // A 50 t from a verified EPD (never marked up), B 40 t and C 30 t generic, marked up 50 %: C 45 t, A 50 t, B 60 t
    const doc = JSON.parse(readFileSync(CASE, "utf8")) as { alternatives: { emissions: Record<string, unknown>[] }[]; award: Record<string, unknown> } & Record<string, unknown>;
    doc.alternatives[0]!.emissions[0]!.epd = { registration: "NEPD-1234-567-NO", verifier: "Verifikator AS" };
    doc.dataQuality = { markup: { generic: 0.5 } };
    doc.award.useMarkedUp = true;
    const file = join(mkdtempSync(join(tmpdir(), "kalkyle-award-cli-")), "marked-up.json");
    writeFileSync(file, JSON.stringify(doc));
    expect(await table("nb", file)).toMatch(/; etter utslipp med påslag: C, A, B;/);
    expect(await table("en", file)).toMatch(/; by emissions with mark-ups: C, A, B;/);
  });

  it("English: the same table in English words and numbers", async () => {
    const en = await table("en");
    expect(en).toMatch(/\n1\s+B Tilbud B\s+9\.00 \(6\.30\)\s+6\.67 \(2\.00\)\s+8\.30\n/);
    expect(en).toMatch(/\nC\s+B\s+10\.00\s+14,286\s+[\d,]+\n/);
    expect(en).toContain("The ranking by points (B, A, C) differs from the ranking by lifecycle cost with carbon cost (A, B, C).");
    expect(en).not.toContain("award.");
  });
});
