/**
 * Data quality on the comparison page, against one server: each
 * alternative's CO2e by tier in plain words in both languages, the share
 * from EPDs, the marked-up figures under the declared ones with the
 * mark-up named (only where it changes a figure), and the EPDs with their
 * registration numbers and verifiers. Inline factors with round numbers,
 * checked by hand:
 *   A: 20 000 NOK × 0.05 kg/NOK = 1 000 kg spend-based (+30 % → 1 300),
 *      250 kg × 2 kg/kg = 500 kg generic (+20 % → 600): 1 500 kg, 1 900 marked up.
 *   B: 1 000 kg × 0.3 = 300 kg verified EPD (never marked up),
 *      500 kg × 0.4 = 200 kg EPD (+10 % → 220): 500 kg, 520 marked up.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, TestClient, type TestServer } from "./harness.js";

let server: TestServer;
let client: TestClient;

const A = [
  { label: "Møbler", kind: "spend", factor: { value: 0.05, unit: "kgCO2e/NOK" }, quantity: "20000 NOK" },
  { label: "Stålrammer", kind: "material", factor: { value: 2, unit: "kgCO2e/kg" }, quantity: "250 kg" },
];
const B = [
  { label: "Trestoler", kind: "material", factor: { value: 0.3, unit: "kgCO2e/kg" }, quantity: "1000 kg", epd: { registration: "NEPD-1234-567-NO", verifier: "Verifikator AS", programme: "EPD-Norge" } },
  { label: "Bord", kind: "material", factor: { value: 0.4, unit: "kgCO2e/kg" }, quantity: "500 kg", epd: { registration: "NEPD-9999-1-NO" } },
];
const caseOf = (top: Record<string, unknown>) => ({
  schema: "kalkyle.case/1",
  title: "Møbelanbud",
  analysis: { startYear: 2026, years: 10, discountRate: 0.04 },
  ranking: "emissions",
  alternatives: [
    { id: "a", name: "Tilbud Anker", emissions: A, costs: [] },
    { id: "b", name: "Tilbud Bjørk", emissions: B, costs: [] },
  ],
  ...top,
});

const pages: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  client = new TestClient(server.url);
  const marked = (await server.store.cases.create(caseOf({ dataQuality: { markup: { spend: 0.3, generic: 0.2, epd: 0.1 } } }))).id;
  const plain = (await server.store.cases.create(caseOf({}))).id;
  pages.nb = (await client.get(`/cases/${marked}`)).html;
  pages.en = (await client.get(`/cases/${marked}?lang=en`)).html;
  pages.plain = (await client.get(`/cases/${plain}`)).html;
});
afterAll(async () => server.close());

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

function section(html: string): string {
  return /<section class="compare-section" aria-labelledby="h-tiers">([\s\S]*?)<\/section>/.exec(html)![1]!;
}

/** The tier table's rows as text, by their row header. */
function rows(html: string, table: string): string[] {
  const body = new RegExp(`<table class="data ${table}">([\\s\\S]*?)</table>`).exec(section(html))![1]!;
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1]!).replace(/\u00a0/g, " "));
}

describe("data quality on the comparison page", () => {
  it("a table with a caption and headers: the tiers in plain words, each alternative's tonnes, the marked-up figure under the declared one", () => {
    const s = section(pages.nb!);
    expect(s).toContain('<caption id="cap-tiers">');
    expect(s).toMatch(/<th scope="col" class="num alt-col">Tilbud Bjørk<\/th><th scope="col" class="num alt-col">Tilbud Anker<\/th>/);
    // ranked by emissions: Bjørk (500 kg) first
    expect(rows(pages.nb!, "tiers")).toEqual([
      "Datakvalitet Påslag Tilbud Bjørk Tilbud Anker",
      "Utgiftsbasert +30 % 0,000 1,000 med påslag 1,300",
      "Generiske aktivitetsdata +20 % 0,000 0,500 med påslag 0,600",
      "Produktspesifikk (EPD) +10 % 0,200 med påslag 0,220 0,000",
      "Tredjepartsverifisert EPD ingen 0,300 0,000",
      "Totalt 0,500 1,500",
      "Totalt med påslag 0,520 1,900",
      "Andel fra EPD 100 % 0 %",
    ]);
  });

  it("the same in English, numbers written the English way", () => {
    expect(rows(pages.en!, "tiers")).toEqual([
      "Data quality Mark-up Tilbud Bjørk Tilbud Anker",
      "Spend-based +30% 0.000 1.000 marked up 1.300",
      "Generic activity data +20% 0.000 0.500 marked up 0.600",
      "Product-specific (EPD) +10% 0.200 marked up 0.220 0.000",
      "Third-party verified EPD none 0.300 0.000",
      "Total 0.500 1.500",
      "Total with mark-ups 0.520 1.900",
      "Share from EPDs 100% 0%",
    ]);
    expect(text(section(pages.en!))).toContain("a third-party verified EPD is never marked up");
  });

  it("the EPDs with their registration numbers and verifiers; an EPD without a verifier says so", () => {
    expect(rows(pages.nb!, "epds")).toEqual([
      "Post Alternativ Datakvalitet Registreringsnummer Verifisert av Programoperatør",
      "Trestoler Tilbud Bjørk Tredjepartsverifisert EPD NEPD-1234-567-NO Verifikator AS EPD-Norge",
      "Bord Tilbud Bjørk Produktspesifikk (EPD) NEPD-9999-1-NO ikke tredjepartsverifisert ikke oppgitt",
    ]);
    expect(section(pages.en!)).toContain("Third-party verified EPD");
  });

  it("a case without mark-ups shows the tiers and the EPD share, and no mark-up anywhere", () => {
    const tiers = rows(pages.plain!, "tiers");
    expect(tiers[0]).toBe("Datakvalitet Tilbud Bjørk Tilbud Anker");
    expect(tiers).toContain("Utgiftsbasert 0,000 1,000");
    expect(tiers.join(" ")).not.toMatch(/påslag/i);
    expect(text(section(pages.plain!))).not.toMatch(/påslag/i);
  });

  it("the ranking's total names the marked-up total under the declared one, only where the case sets mark-ups", () => {
    const ranking = (html: string) => /<table class="data ranking">([\s\S]*?)<\/table>/.exec(html)![1]!;
    const totals = (html: string) => [...ranking(html).matchAll(/data-alternative-id="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => [m[1], /med påslag [\d,]+|marked up [\d.]+/.exec(text(m[2]!))?.[0] ?? null]);
    expect(totals(pages.nb!)).toEqual([
      ["b", "med påslag 0,52"],
      ["a", "med påslag 1,90"],
    ]);
    expect(totals(pages.en!)).toEqual([
      ["b", "marked up 0.52"],
      ["a", "marked up 1.90"],
    ]);
    expect(totals(pages.plain!)).toEqual([
      ["b", null],
      ["a", null],
    ]);
  });

  it("the tables scroll inside a labelled region, so the page reflows at 320 px", () => {
    const s = section(pages.nb!);
    expect(s).toContain('<div class="table-scroll" tabindex="0" role="region" aria-labelledby="cap-tiers">');
    expect(s).toContain('<div class="table-scroll" tabindex="0" role="region" aria-labelledby="cap-epds">');
  });
});
