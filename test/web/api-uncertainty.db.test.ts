/**
 * POST /api/v1/evaluate?samples=&seed=&costRange= against a real server:
 * the `uncertainty` block, the same as `kalkyle evaluate --samples --seed`
 * gives for the same case and seed (run in the evaluation pool's worker
 * here, in this process there); a seed drawn and written when none is
 * given; every bad parameter a 400 in the API's problem format, naming it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { startTestServer, type TestServer } from "./harness.js";

type Json = Record<string, unknown>;
type Block = { samples: number; seed: number; alternatives: { id: string }[]; beatsBaseline: { id: string; kg: number; lcc: number }[]; inputs: { key: string }[] };

/** Two alternatives sharing a factor of the set, an inline factor, costs and a carbon price. */
const CASE: Json = {
  schema: "kalkyle.case/1",
  title: "Kontorstoler, usikkerhet",
  analysis: { startYear: 2026, years: 10, discountRate: 0.04, carbonPrice: "default" },
  alternatives: [
    {
      id: "A",
      name: "Nye stoler",
      emissions: [
        { label: "Stålramme", kind: "material", factor: "material.metals.construction.primary", quantity: "1200 kg" },
        { label: "Levering", kind: "delivery", factor: "freight.road.van-diesel-average", quantity: "140 tkm" },
      ],
      costs: [{ kind: "acquisition", amount: "180000 NOK" }],
    },
    {
      id: "B",
      name: "Ombrukte stoler",
      emissions: [
        { label: "Levering", kind: "delivery", factor: "freight.road.van-diesel-average", quantity: "70 tkm" },
        { label: "Trekk", kind: "fixed", factor: { value: 10, unit: "kgCO2e/unit" }, quantity: "1" },
      ],
      costs: [{ kind: "acquisition", amount: "90000 NOK" }],
    },
  ],
};

let server: TestServer;
const workDir = mkdtempSync(join(tmpdir(), "kalkyle-api-uncertainty-"));
const caseFile = join(workDir, "case.json");
writeFileSync(caseFile, JSON.stringify(CASE));

beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(workDir, { recursive: true, force: true });
});

const evaluate = (query: string, lang = "en") => fetch(`${server.url}/api/v1/evaluate${query}`, { method: "POST", headers: { "content-type": "application/json", "accept-language": lang }, body: JSON.stringify(CASE) });

async function cliBlock(...options: string[]): Promise<Block> {
  const out: string[] = [];
  expect(await run(["evaluate", caseFile, ...options], { out: (t) => out.push(t), err: () => undefined }, { LANG: "C" })).toBe(0);
  return (JSON.parse(out.join("")) as { uncertainty: Block }).uncertainty;
}

describe("POST /api/v1/evaluate with ?samples=", { timeout: 60_000 }, () => {
  it("?samples=2000&seed=42: the block, equal to the command line's for the same seed", async () => {
    const res = await evaluate("?samples=2000&seed=42");
    expect(res.status).toBe(200);
    const block = ((await res.json()) as { uncertainty: Block }).uncertainty;
    expect([block.samples, block.seed]).toEqual([2000, 42]);
    // the van factor is one input shared by A and B; the steel, the inline cover and each cost their own
    expect(block.inputs.map((i) => i.key)).toEqual(["factor:material.metals.construction.primary", "factor:freight.road.van-diesel-average", "inline:B/1", "cost:A/0", "cost:B/0"]);
    expect(block).toEqual(await cliBlock("--samples", "2000", "--seed", "42"));
  });

  it("without a query there is no block; without a seed one is drawn and written, and sending it back repeats the run", async () => {
    expect(((await (await evaluate("")).json()) as Json).uncertainty).toBeUndefined();
    const drawn = ((await (await evaluate("?samples=500&costRange=5")).json()) as { uncertainty: Block }).uncertainty;
    const again = ((await (await evaluate(`?samples=500&costRange=5&seed=${drawn.seed}`)).json()) as { uncertainty: Block }).uncertainty;
    expect(again).toEqual(drawn);
  });

  it("a bad parameter is a 400 naming it, in the API's problem format and the asked language", async () => {
    const cases: [string, string, string][] = [
      ["?samples=0", "samples", "too-small"],
      ["?samples=100001", "samples", "too-big"],
      ["?samples=1.5", "samples", "integer"],
      ["?samples=abc", "samples", "integer"],
      ["?samples=10&samples=20", "samples", "integer"],
      ["?samples=10&seed=-1", "seed", "integer"],
      ["?samples=10&seed=4294967296", "seed", "too-big"],
      ["?samples=10&costRange=101", "costRange", "too-big"],
      ["?samples=10&costRange=ti", "costRange", "type"],
      ["?seed=42", "samples", "required"],
    ];
    for (const [query, path, code] of cases) {
      const res = await evaluate(query);
      expect(res.status, query).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const { errors } = (await res.json()) as { errors: { path: string; code: string; message: string }[] };
      expect(errors, query).toEqual([expect.objectContaining({ path, code })]);
    }
    const nb = (await (await evaluate("?samples=100001", "nb")).json()) as { errors: { message: string }[] };
    expect(nb.errors[0]!.message).toBe("kan være høyst 100000");
    const en = (await (await evaluate("?samples=100001")).json()) as { errors: { message: string }[] };
    expect(en.errors[0]!.message).toBe("must be at most 100000");
  });

  it("a case too large for the draws asked is a 413 saying the most it may have; the command line refuses it too (exit 2)", async () => {
    // 300 cost items and 4 emission items: each draw adds up 304 items and draws up to 304 inputs, so 50 000 000 / (2 × 304) = 82 236 draws at most
    const large = { ...CASE, alternatives: [CASE.alternatives as Json[]].flat().map((a) => ({ ...a, costs: Array.from({ length: 150 }, (_, i) => ({ label: `Post ${i + 1}`, kind: "operation", amount: "1000 NOK", at: 1 })) })) };
    const post = (query: string, lang: string) => fetch(`${server.url}/api/v1/evaluate${query}`, { method: "POST", headers: { "content-type": "application/json", "accept-language": lang }, body: JSON.stringify(large) });
    expect((await post("?samples=82236&seed=1", "en")).status).toBe(200);
    const refused = await post("?samples=82237&seed=1", "nb");
    expect(refused.status).toBe(413);
    const { errors } = (await refused.json()) as { errors: { path: string; code: string; message: string }[] };
    expect(errors).toEqual([{ path: "samples", code: "limit-samples", message: expect.stringMatching(/^for mange trekk for en sak av denne størrelsen: høyst 82[\s\u00a0]236 for 304 poster$/) }]);
    const file = join(workDir, "large.json");
    writeFileSync(file, JSON.stringify(large));
    const err: string[] = [];
    expect(await run(["evaluate", file, "--samples", "82237"], { out: () => undefined, err: (t) => err.push(t) }, { LANG: "C" })).toBe(2);
    expect(err.join("\n")).toMatch(/too many draws for a case of this size: at most 82,?236 for 304 items/);
  });
});
