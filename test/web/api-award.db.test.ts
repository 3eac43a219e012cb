/**
 * POST /api/v1/evaluate on a case with award criteria: the result carries
 * the `award` block, equal to what `kalkyle evaluate` prints for the same
 * file; an award problem is a 400 naming its path, in the asked language.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { startTestServer, type TestServer } from "./harness.js";

type Json = Record<string, unknown>;
const CASE_FILE = fileURLToPath(new URL("../fixtures/cases/award-bids.json", import.meta.url));
const CASE = JSON.parse(readFileSync(CASE_FILE, "utf8")) as Json;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const evaluate = (body: Json, lang = "en") => fetch(`${server.url}/api/v1/evaluate`, { method: "POST", headers: { "content-type": "application/json", "accept-language": lang }, body: JSON.stringify(body) });

describe("POST /api/v1/evaluate with an award section", { timeout: 60_000 }, () => {
  it("answers the award block, the same as the command line's", async () => {
    const res = await evaluate(CASE);
    expect(res.status).toBe(200);
    const award = ((await res.json()) as { award: { bids: { id: string; rank: number }[]; impliedCarbonPrices: { nokPerTonne: number }[] } }).award;
    expect(award.bids.map((b) => [b.id, b.rank])).toEqual([
      ["A", 2],
      ["B", 1],
      ["C", 3],
    ]);
    expect(award.impliedCarbonPrices.map((p) => p.nokPerTonne)).toEqual([100_000 / 7, 100_000 / 7]);
    const out: string[] = [];
    expect(await run(["evaluate", CASE_FILE], { out: (t) => out.push(t), err: () => undefined }, { LANG: "C" })).toBe(0);
    expect(award).toEqual((JSON.parse(out.join("")) as { award: unknown }).award);
  });

  it("a weight sum that is not 100 is a 400 at award.criteria, in bokmål when asked", async () => {
    const award = CASE.award as { criteria: Json[] };
    const res = await evaluate({ ...CASE, award: { criteria: [award.criteria[0], { ...award.criteria[1], weight: 20 }] } }, "nb");
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: { path: string; code: string; message: string }[] };
    expect(errors).toEqual([{ path: "award.criteria", code: "award-weights-sum", message: "vektene er til sammen 90 %; de må til sammen være 100 %" }]);
  });
});
