import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, TestClient, type TestServer } from "./harness.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

/** The rows of the change table: one <tr> each, cells as text. */
function changeRows(html: string): string[][] {
  const table = /<table class="data factor-changes">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, "").trim()));
}

describe("the factor library shows the current set and what changed", () => {
  it("names 2025-2 as the current set and lists, in bokmål, diesel 2,51279 → 2,57082 with its reason", async () => {
    const { res, html } = await new TestClient(server.url).get("/factors");
    expect(res.status).toBe(200);
    expect(html).toContain("Gjeldende faktorsett er 2025-2");
    expect(html).toMatch(/<caption[^>]*>Endrede faktorer fra 2025-1 til 2025-2<\/caption>/);
    expect(html).toMatch(/<th scope="col" class="num">Før \(2025-1\)<\/th>/);
    const diesel = changeRows(html).find((r) => r[0] === "fuel.diesel.b-avg");
    expect(diesel).toEqual(["fuel.diesel.b-avg", "Endret", "2,51279 kgCO2e/l", "2,57082 kgCO2e/l", expect.stringContaining("DESNZ 2025")]);
  });

  it("shows the same table in English, new records first with no value before", async () => {
    const { html } = await new TestClient(server.url).get("/factors?lang=en");
    expect(html).toContain("The current factor set is 2025-2");
    const rows = changeRows(html);
    expect(rows[0]![1]).toBe("Added");
    expect(rows.find((r) => r[0] === "waste.plastics.incineration-fossil-co2")).toEqual(["waste.plastics.incineration-fossil-co2", "Added", "\u2013", "2750 kgCO2e/t", expect.stringContaining("plastics")]);
  });

  it("says so when the page shows an older set, which lists no changes of its own", async () => {
    const { html } = await new TestClient(server.url).get("/factors?set=2025-1");
    expect(html).toContain("Du ser på et eldre faktorsett.");
    expect(html).not.toContain('class="data factor-changes"');
  });
});
