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
  it("names 2026-1 as the current set; set 2025-2 lists, in bokmål, diesel 2,51279 → 2,57082 with its reason", async () => {
    const current = await new TestClient(server.url).get("/factors");
    expect(current.res.status).toBe(200);
    expect(current.html).toContain("Gjeldende faktorsett er 2026-1");
    const { html } = await new TestClient(server.url).get("/factors?set=2025-2");
    expect(html).toMatch(/<caption[^>]*>Endrede faktorer fra 2025-1 til 2025-2<\/caption>/);
    expect(html).toMatch(/<th scope="col" class="num">Før \(2025-1\)<\/th>/);
    const diesel = changeRows(html).find((r) => r[0] === "fuel.diesel.b-avg");
    expect(diesel).toEqual(["fuel.diesel.b-avg", "Endret", "2,51279 kgCO2e/l", "2,57082 kgCO2e/l", expect.stringContaining("DESNZ 2025")]);
  });

  it("shows the same table in English, new records first with no value before", async () => {
    const { html } = await new TestClient(server.url).get("/factors?set=2025-2&lang=en");
    expect(html).toContain("The current factor set is 2026-1");
    const rows = changeRows(html);
    expect(rows[0]![1]).toBe("Added");
    expect(rows.find((r) => r[0] === "waste.plastics.incineration-fossil-co2")).toEqual(["waste.plastics.incineration-fossil-co2", "Added", "\u2013", "2750 kgCO2e/t", expect.stringContaining("plastics")]);
  });

  it("shows a factor given per year with each year's value, in bokmål with decimal commas and in English with points", async () => {
    const nb = await new TestClient(server.url).get("/factors?q=str%C3%B8m&source=NVE");
    const row = (html: string) => /<tr>\s*<td><code>electricity\.no\.delivered<\/code><\/td>([\s\S]*?)<\/tr>/.exec(html)![1]!;
    expect(row(nb.html)).toContain("<td class=\"num\">0,015");
    expect(row(nb.html)).toContain("Etter år:</span> <span class=\"factor-year-value\">2019: 0,017</span> · ");
    expect(row(nb.html)).toContain("<span class=\"factor-year-value\">2023: 0,015</span>. Verdien er den for 2023.");
    const en = await new TestClient(server.url).get("/factors?q=electricity&source=NVE&lang=en");
    expect(row(en.html)).toContain("By year:</span> <span class=\"factor-year-value\">2019: 0.017</span>");
    expect(row(en.html)).toContain("years after 2023 the value for 2023.");
    const api = (await (await new TestClient(server.url).request("/api/v1/factors?q=diesel%20veitrafikk&lang=nb")).json()) as { hits: { id: string; byYear: Record<string, string> | null; byYearText: string | null }[] };
    expect(api.hits.find((h) => h.id === "fuel.diesel.road-no")).toMatchObject({ byYear: { "2023": "2.2090865", "2024": "2.1558555" }, byYearText: "2023: 2,2090865 · 2024: 2,1558555" });
    const changes = changeRows(nb.html);
    expect(changes.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ["electricity.no.delivered", "Ny", "\u2013", "0,015 kgCO2e/kWh"],
      ["fuel.diesel.road-no", "Ny", "\u2013", "2,1558555 kgCO2e/l"],
    ]);
  });

  it("cites set 2026-1's records by year in Norwegian words and says the other changes in words, not as a path, in both languages", async () => {
    const nb = await new TestClient(server.url).get("/factors?q=str%C3%B8m&source=NVE");
    const source = (html: string, id: string) => new RegExp(`<td><code>${id.replace(/\./g, "\\.")}</code></td>[\\s\\S]*?<td class="factor-source">([\\s\\S]*?)</td>`).exec(html)![1]!;
    expect(source(nb.html, "electricity.no.delivered")).toContain("Lavt klimagassutslipp knyttet til norsk strømforbruk i 2023 (klimadeklarasjon for fysisk levert strøm) (2024), Klimadeklarasjon for fysisk levert strøm 2019–2023: 2019: 17 g CO2e/kWh;");
    expect(source(nb.html, "electricity.no.delivered")).not.toMatch(/by year|yearly releases|latest read/);
    const diesel = await new TestClient(server.url).get("/factors?q=diesel%20veitrafikk");
    expect(source(diesel.html, "fuel.diesel.road-no")).toContain("volumprosent av alt drivstoff omsatt til veitrafikk: 2023: 17 % (delkrav avansert biodrivstoff minst 12,5 %)");
    expect(source(diesel.html, "fuel.diesel.road-no")).not.toMatch(/volume %|of all road fuel sold|M-10 and/);
    const other = (html: string) => /<ul class="factor-changes-other">([\s\S]*?)<\/ul>/.exec(html)![1]!;
    expect(other(nb.html)).toContain("<li>Standard strømfaktor: Uendret, NVEs tall for fysisk levert strøm 2023");
    expect(other(nb.html)).not.toContain("defaults.electricity");
    const en = await new TestClient(server.url).get("/factors?lang=en");
    expect(other(en.html)).toContain("<li>Default electricity factor: Unchanged, NVE");
    const older = await new TestClient(server.url).get("/factors?set=2025-2&lang=en");
    expect(other(older.html)).toContain("<li>Carbon price path: ");
    expect(other(older.html)).toContain("<li><code>fuel.hvo100, fuel.biogas.kwh, fuel.biogas.t</code>: ");
  });

  it("says so when the page shows an older set, which lists no changes of its own", async () => {
    const { html } = await new TestClient(server.url).get("/factors?set=2025-1");
    expect(html).toContain("Du ser på et eldre faktorsett.");
    expect(html).not.toContain('class="data factor-changes"');
  });
});

type FactorHits = { factorSet: string; total: number; count: number; hits: { id: string; group: string; name: string; value: string; valueText: string; unit: string; source: { publisher: string; title: string; year: number; table: string } }[] };

/** The ids of the factor table's rows, in the page's order. */
const rowIds = (html: string) => [...(/<table class="data factors">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "").matchAll(/<td><code>([^<]+)<\/code><\/td>/g)].map((m) => m[1]!);

describe("the factor search finds what a buyer types", () => {
  it("GET /api/v1/factors?q=kontorstol answers the furniture factor first, with its value, unit and source", async () => {
    const res = await new TestClient(server.url).request("/api/v1/factors?q=kontorstol&lang=nb");
    expect(res.status).toBe(200);
    const body = (await res.json()) as FactorHits;
    expect(body.total).toBeGreaterThan(0);
    const first = body.hits[0]!;
    expect(first.id).toBe("spend.p36-furniture");
    expect(first.name).toBe("Innkjøp: Møbler og andre varer (EXIOBASE, NO)");
    expect(first.value).toMatch(/^0\.27\d*$/);
    expect(first.valueText).toMatch(/^0,27\d*$/);
    expect(first.unit).toBe("kgCO2e/EUR");
    expect(first.source).toMatchObject({ publisher: "EXIOBASE consortium", year: 2021 });
    expect(first.source.title).toContain("EXIOBASE 3.8.2");
    expect(first.source.table).toContain("p36");
  });

  it("narrows by unit and publisher, and «kjoretoy» per km from UK DESNZ holds only vehicles", async () => {
    const res = await new TestClient(server.url).request("/api/v1/factors?q=kjoretoy&unit=km&source=uk%20desnz&limit=200");
    const body = (await res.json()) as FactorHits;
    expect(body.count).toBeGreaterThan(50);
    for (const hit of body.hits) {
      expect(hit.unit).toMatch(/\/km$/);
      expect(hit.source.publisher).toBe("UK DESNZ");
      expect(hit.group).toBe("vehicle");
    }
  });

  it("refuses words over 200 characters, a limit over 200 and an unknown unit or publisher, naming each parameter", async () => {
    const res = await new TestClient(server.url).request(`/api/v1/factors?q=${"a".repeat(201)}&limit=201&unit=furlong&source=nobody`);
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: { path: string; code: string; message: string }[] };
    expect(errors.map((e) => [e.path, e.code])).toEqual(expect.arrayContaining([["q", "too-long"], ["limit", "too-big"], ["unit", "one-of"], ["source", "one-of"]]));
    expect(errors.find((e) => e.path === "limit")!.message).toBe("must be at most 200");
    const notNumber = await new TestClient(server.url).request("/api/v1/factors?limit=ten");
    expect(((await notNumber.json()) as { errors: { path: string; code: string }[] }).errors).toEqual([expect.objectContaining({ path: "limit", code: "integer" })]);
  });

  it("the library page lists «PC» hits by relevance with value, unit and source, and keeps the chosen filters", async () => {
    const { res, html } = await new TestClient(server.url).get("/factors?q=PC");
    expect(res.status).toBe(200);
    const ids = rowIds(html);
    expect(ids[0]).toBe("material.electrical.it.primary");
    expect(ids).toContain("spend.p30-office-machinery");
    expect(html).toContain('<input id="factor-q" name="q" type="search" value="PC"');
    const row = /<tr>\s*<td><code>material\.electrical\.it\.primary<\/code><\/td>([\s\S]*?)<\/tr>/.exec(html)![1]!;
    expect(row).toMatch(/<td class="num">\d{1,3}(\u00a0\d{3})*,\d+<\/td>/);
    expect(row).toContain("kgCO2e/t");
    expect(row).toContain("UK DESNZ");
    expect(row).toContain("2025");
    const filtered = await new TestClient(server.url).get("/factors?q=str%C3%B8m&unit=kWh&source=NVE");
    expect(rowIds(filtered.html).length).toBeGreaterThan(0);
    expect(rowIds(filtered.html).every((id) => id.startsWith("electricity.no."))).toBe(true);
    expect(filtered.html).toContain('<option value="kWh" selected>per kWh</option>');
  });

  it("in English, «office chair» finds the furniture factor and «kjoretoy» without ø finds the vehicles", async () => {
    const client = new TestClient(server.url);
    const chair = await client.get("/factors?q=office%20chair&lang=en");
    expect(rowIds(chair.html)[0]).toBe("spend.p36-furniture");
    expect(chair.html).toContain("Type what you buy, in Norwegian or English");
    const vehicles = rowIds((await client.get("/factors?q=kjoretoy&group=vehicle&lang=en")).html);
    expect(vehicles.length).toBeGreaterThan(50);
    expect(vehicles.every((id) => id.startsWith("vehicle."))).toBe(true);
  });
});
