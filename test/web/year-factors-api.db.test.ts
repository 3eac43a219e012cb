/**
 * The JSON API accepts a case whose factor is given per calendar year and
 * gives each year its own value: 1 000 kWh a year for 3 years from 2026 at
 * {2026: 0.02, 2028: 0.01} kg/kWh → 20 + 15 + 10 = 45 kg. A bad year is a
 * 400 naming the year's path, with its message in the asked language.
 * One server (no seeded examples) for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

function caseWith(byYear: Record<string, number>) {
  const electricity = (factor: unknown) => ({ label: "Strøm", kind: "energy", factor, quantity: "1000 kWh", at: 0, every: 1 });
  return {
    schema: "kalkyle.case/1",
    title: "Strøm som blir renere",
    analysis: { startYear: 2026, years: 2, discountRate: 0.04 },
    alternatives: [
      { id: "A", name: "Varmepumpe", emissions: [electricity({ byYear, unit: "kgCO2e/kWh" })], costs: [{ kind: "acquisition", amount: 1000 }] },
      { id: "B", name: "Som i dag", emissions: [electricity({ value: 0.02, unit: "kgCO2e/kWh" })], costs: [{ kind: "acquisition", amount: 1000 }] },
    ],
  };
}

const evaluate = (doc: unknown, query = "") => fetch(`${server.url}/api/v1/evaluate${query}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(doc) });

describe("POST /api/v1/evaluate with a factor given by year", () => {
  it("20, 15 and 10 kg in 2026, 2027 and 2028: 45 kg, the item marked as varying by year", async () => {
    const res = await evaluate(caseWith({ "2026": 0.02, "2028": 0.01 }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { alternatives: { emissions: { totalKg: number; byYear: number[]; items: { yearVarying?: boolean }[] } }[] };
    expect(body.alternatives[0]!.emissions.byYear).toEqual([20, 15, 10]);
    expect(body.alternatives[0]!.emissions.totalKg).toBe(45);
    expect(body.alternatives[0]!.emissions.items[0]!.yearVarying).toBe(true);
    expect(body.alternatives[1]!.emissions.totalKg).toBe(60);
  });

  it("a negative year: 400 at the year's path, the message in bokmål when asked", async () => {
    const res = await evaluate(caseWith({ "2026": 0.02, "2030": -0.01 }), "?lang=nb");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { path: string; code: string; message: string }[] };
    expect(body.errors).toEqual([{ path: "alternatives[0].emissions[0].factor.byYear.2030", code: "negative-factor-year", message: "verdien for 2030 er negativ; en negativ faktor er bare tillatt i trinn D" }]);
  });
});
