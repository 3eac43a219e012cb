/**
 * The ledger screening on a ledger of ten lines whose answer is worked out
 * by hand below, from the factor values and the price index and exchange
 * rate as written in the factor set's files; and the same total from
 * evaluateDocument of cases holding the same spend lines as spend items
 * (one case per ledger year, since a case has one price year). Then the
 * mapping's precedence, rule by rule.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../src/case/evaluate-document.js";
import { Decimal } from "../../src/core/decimal.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { compileMapping } from "../../src/ledger/mapping.js";
import { loadScreeningFactors } from "../../src/ledger/screening-factors.js";
import { ScreeningTotals } from "../../src/ledger/screening.js";
import type { DefaultMapping, LedgerLine, MappingRule } from "../../src/ledger/types.js";

const SET_DIR = new URL("../../emission-factors/2025-2/", import.meta.url);
const economics = JSON.parse(readFileSync(new URL("economics.json", SET_DIR), "utf8")) as { priceIndex: { values: Record<string, string> }; exchangeRates: { currency: string; year: number; nokPerUnit: string }[] };
const spendFile = JSON.parse(readFileSync(new URL("spend-exiobase-2019.json", SET_DIR), "utf8")) as { records: { id: string; value: string }[] };
const value = (id: string) => new Decimal(spendFile.records.find((r) => r.id === id)!.value);
const cpi = (year: number) => new Decimal(economics.priceIndex.values[String(year)]!);
const eur2019 = new Decimal(economics.exchangeRates.find((r) => r.currency === "EUR" && r.year === 2019)!.nokPerUnit);

const FOOD = "spend.p15-i-food-products";
const PAPER = "spend.p21-2-paper-products";
const AIR = "spend.p62-air-transport";
const DIESEL = "spend.p23-20-f-gas-diesel-oil";

const defaults: DefaultMapping = {
  id: "test-defaults",
  title: { nb: "Test", en: "Test" },
  source: "written for this test",
  rules: [
    { account: "115", name: { nb: "Matvarer", en: "Food" }, target: { kind: "factor", factor: FOOD, category: "food" }, reason: { nb: "mat", en: "food" } },
    { account: "120", name: { nb: "Materiell", en: "Supplies" }, target: { kind: "factor", factor: PAPER, category: "supplies" }, reason: { nb: "papir", en: "paper" } },
    { account: "010", name: { nb: "Fastlønn", en: "Salaries" }, target: { kind: "out-of-scope" }, reason: { nb: "lønn er ikke innkjøp", en: "salaries are not purchases" } },
  ],
};
const rules: MappingRule[] = [
  { match: { kind: "supplier", orgNumber: "987654321" }, target: { kind: "factor", factor: AIR, category: "travel" }, reason: "reisebyrå" },
  { match: { kind: "keyword", keyword: "diesel" }, target: { kind: "factor", factor: DIESEL, category: "transport" }, reason: "drivstoff" },
];

let n = 1;
const line = (year: number, account: string, supplierName: string | null, orgNumber: string | null, description: string, nok: string, fn = "120"): LedgerLine => ({
  lineNumber: ++n,
  year,
  date: null,
  account,
  function: fn,
  supplierName,
  orgNumber,
  description,
  amountOre: Number(new Decimal(nok).mul(100)),
});

const LEDGER: LedgerLine[] = [
  line(2024, "11500", "Matgrossisten AS", "111111111", "Matvarer uke 3", "100000"), // 115 → food
  line(2024, "11510", "Matgrossisten AS", "111111111", "Matvarer uke 4", "50000.50"), // 115 → food (prefix of a local account)
  line(2024, "11500", "Matgrossisten AS", "111111111", "Kreditnota matvarer", "-10000"), // credit note, food
  line(2023, "11500", "Bakeriet", null, "Brød", "20000", "254"), // food, the other year
  line(2024, "12000", "Papirhuset", null, "Kopipapir", "30000"), // 120 → paper
  line(2024, "12000", "Reisebyrået AS", "987654321", "Flybilletter", "40000"), // supplier rule beats account 120 → air
  line(2023, "12000", "Traktorservice", null, "Diesel til traktor", "5000"), // keyword → diesel
  line(2024, "12000", "Reisebyrået AS", "987654321", "DIESEL for leiebil", "1000"), // keyword beats the supplier rule → diesel
  line(2024, "01000", null, null, "Fastlønn januar", "500000"), // 010 → out of scope
  line(2024, "99900", "Ukjent AS", null, "Diverse", "7000"), // no rule → unmapped
];

/** tonnes = NOK × CPI(2019) / CPI(year) ÷ NOK per EUR (2019) × kg CO2e per EUR ÷ 1000 */
const byHand = (nok: string, year: number, factor: string) => new Decimal(nok).mul(cpi(2019)).div(cpi(year)).div(eur2019).mul(value(factor)).div(1000);

function screen(lines: LedgerLine[] = LEDGER) {
  const totals = new ScreeningTotals(compileMapping(defaults, rules), loadScreeningFactors());
  for (const l of lines) totals.add(l);
  return totals.result("en");
}

describe("ledger screening of a small ledger, by hand", () => {
  // food 2024: 100 000 + 50 000,50 − 10 000 (the credit note) = 140 000,50 NOK
  const food2024 = byHand("140000.50", 2024, FOOD);
  const food2023 = byHand("20000", 2023, FOOD);
  const paper2024 = byHand("30000", 2024, PAPER);
  const air2024 = byHand("40000", 2024, AIR);
  const diesel2023 = byHand("5000", 2023, DIESEL);
  const diesel2024 = byHand("1000", 2024, DIESEL);
  const total = food2024.plus(food2023).plus(paper2024).plus(air2024).plus(diesel2023).plus(diesel2024);
  const close = (text: string, expected: Decimal) => expect(new Decimal(text).minus(expected).abs().lt("1e-25"), `${text} ≈ ${expected.toString()}`).toBe(true);

  it("each (factor, year) group is its NOK put onto 2019 EUR times the factor", () => {
    const result = screen();
    const row = (factor: string) => result.byFactor.find((r) => r.factor === factor)!;
    expect(row(PAPER).tonnes).toBe(paper2024.toString());
    expect(row(AIR).tonnes).toBe(air2024.toString());
    close(row(FOOD).tonnes, food2024.plus(food2023));
    close(row(DIESEL).tonnes, diesel2024.plus(diesel2023));
    close(result.totalTonnes, total);
    // the figures the hand computation gives, to the gram
    expect(new Decimal(result.totalTonnes).toDecimalPlaces(6).toString()).toBe(total.toDecimalPlaces(6).toString());
  });

  it("counts and sums lines, credit notes lower their group, out-of-scope and unmapped are listed", () => {
    const result = screen();
    expect(result.lines).toEqual({ total: 10, mapped: 8, outOfScope: 1, unmapped: 1, creditNotes: 1 });
    // 100 000 + 50 000,50 − 10 000 + 20 000 + 30 000 + 40 000 + 5 000 + 1 000 = 236 000,50
    expect(result.spend).toEqual({ totalNok: "743000.5", mappedNok: "236000.5", outOfScopeNok: "500000", unmappedNok: "7000", mappedShare: new Decimal("236000.5").div("243000.5").toString() });
    expect(result.unmapped).toEqual([{ account: "99900", lines: 1, nok: "7000" }]);
    expect(result.outOfScope).toEqual([{ account: "01000", reason: "salaries are not purchases", lines: 1, nok: "500000" }]);
    const food = result.byCategory.find((r) => r.category === "food")!;
    expect(food).toMatchObject({ nok: "160000.5", lines: 4, name: "Food and drink" });
    expect(result.priceYearClamped).toEqual([]);
  });

  it("by year, supplier and function add up to the same total", () => {
    const result = screen();
    const sum = (rows: { tonnes: string }[]) => rows.reduce((a, r) => a.plus(r.tonnes), new Decimal(0));
    for (const rows of [result.byYear, result.bySupplier, result.byFunction, result.byCategory, result.byFactor]) close(sum(rows).toString(), total);
    close(result.byYear.find((r) => r.year === 2023)!.tonnes, food2023.plus(diesel2023));
    const agency = result.bySupplier.find((r) => r.orgNumber === "987654321")!;
    close(agency.tonnes, air2024.plus(diesel2024));
    expect(agency.name).toBe("Reisebyrået AS");
    expect(result.byFunction.map((r) => r.key).sort()).toEqual(["120", "254"]);
  });

  it("hot spots are the categories and suppliers with the most tonnes, high-risk categories flagged", () => {
    const result = screen();
    const categories = [...result.byCategory].sort((a, b) => new Decimal(b.tonnes).comparedTo(a.tonnes));
    expect(result.hotSpots.categories.map((r) => r.category)).toEqual(categories.map((r) => r.category));
    expect(result.hotSpots.categories.length).toBeLessThanOrEqual(10);
    for (const r of result.byCategory) expect(typeof r.highRisk).toBe("boolean");
    expect(result.hotSpots.suppliers[0]!.tonnes).toBe(result.bySupplier[0]!.tonnes);
  });

  it("a ledger year outside the price index is converted at the year a case would take, and listed", () => {
    // The index holds 2019, 2023 and 2024: 2025 takes 2024, 2021 takes 2019 (the latest not after it).
    const result = screen([line(2025, "11500", null, null, "Mat", "1000"), line(2021, "11500", null, null, "Mat", "1000")]);
    expect(result.priceYearClamped).toEqual([2021, 2025]);
    close(result.byYear.find((r) => r.year === 2025)!.tonnes, byHand("1000", 2024, FOOD));
    close(result.byYear.find((r) => r.year === 2021)!.tonnes, byHand("1000", 2019, FOOD));
  });

  it("sums øre exactly past 2^53, where a plain number would round", () => {
    const big = 2 ** 52 - 1; // 4 503 599 627 370 495 øre
    const lines = [big, big, big, 1].map((ore) => ({ ...line(2024, "11500", null, null, "Mat", "0"), amountOre: ore }));
    // 3 × 4 503 599 627 370 495 + 1 = 13 510 798 882 111 486 øre
    expect(screen(lines).spend.totalNok).toBe("135107988821114.86");
  });

  it("equals kalkyle evaluate of cases with the same spend lines as spend items", () => {
    const library = loadFactorLibrary();
    // A case refuses a negative spend: the credit note is taken off the first food line (100 000 − 10 000).
    const items: Record<number, { factor: string; nok: string }[]> = {
      2024: [
        { factor: FOOD, nok: "90000" },
        { factor: FOOD, nok: "50000.50" },
        { factor: PAPER, nok: "30000" },
        { factor: AIR, nok: "40000" },
        { factor: DIESEL, nok: "1000" },
      ],
      2023: [
        { factor: FOOD, nok: "20000" },
        { factor: DIESEL, nok: "5000" },
      ],
    };
    let kg = new Decimal(0);
    for (const [year, spend] of Object.entries(items)) {
      const doc = {
        schema: "kalkyle.case/1",
        title: `Ledger ${year}`,
        analysis: { startYear: Number(year), years: 1, priceYear: Number(year) },
        factorSet: "2025-2",
        alternatives: [{ id: "A", name: "Ledger", emissions: spend.map((s) => ({ kind: "spend", factor: s.factor, quantity: `${s.nok} NOK` })), costs: [] }],
      };
      const evaluation = evaluateDocument(doc, library);
      if (!evaluation.ok) throw new Error(JSON.stringify(evaluation.problems));
      kg = kg.plus(evaluation.core.alternatives[0]!.emissions.totalKg);
    }
    close(screen().totalTonnes, kg.div(1000));
    expect(screen().factorSetHash).toBe(library.sets.get(library.newest)!.hash);
  });
});

describe("mapping precedence", () => {
  const mapper = compileMapping(defaults, [
    ...rules,
    { match: { kind: "keyword", keyword: "fly" }, target: { kind: "factor", factor: PAPER, category: "supplies" }, reason: "short" },
    { match: { kind: "keyword", keyword: "flybillett" }, target: { kind: "factor", factor: AIR, category: "travel" }, reason: "long" },
    { match: { kind: "supplier-name", name: "  Papir   Huset " }, target: { kind: "factor", factor: PAPER, category: "supplies" }, reason: "name" },
    { match: { kind: "account", account: "1155" }, target: { kind: "out-of-scope" }, reason: "adviser's longer prefix" },
    { match: { kind: "account", account: "120" }, target: { kind: "factor", factor: AIR, category: "travel" }, reason: "adviser's same prefix" },
  ]);
  const map = (account: string, supplierName: string | null = null, orgNumber: string | null = null, description: string | null = null) => mapper({ account, supplierName, orgNumber, description });

  it("a keyword beats the supplier, which beats the account", () => {
    expect(map("12000", null, "987654321", "Diesel").rule).toBe("keyword");
    expect(map("12000", null, "987654321", "Hotell").rule).toBe("supplier");
    expect(map("12000", null, null, "Hotell").rule).toBe("account");
  });
  it("among keywords the longest wins, compared without case", () => {
    expect(map("999", null, null, "FLYBILLETT Oslo").reason).toBe("long");
    expect(map("999", null, null, "flyfrakt").reason).toBe("short");
  });
  it("a supplier name matches trimmed, case-folded, inner spaces as one", () => {
    expect(map("999", "papir huset").rule).toBe("supplier-name");
    expect(map("999", "PAPIR  HUSET ").rule).toBe("supplier-name");
    expect(map("999", "Papirhuset").rule).toBe(null);
  });
  it("the longest account prefix wins; the adviser's rule beats the default's for the same prefix", () => {
    expect(map("11500").rule).toBe("default-account");
    expect(map("11550")).toMatchObject({ rule: "account", target: { kind: "out-of-scope" } });
    expect(map("12000")).toMatchObject({ rule: "account", target: { kind: "factor", factor: AIR } });
    expect(map("11")).toEqual({ rule: null, target: null });
  });
  it("the same rule gives the same mapping object, line after line", () => {
    expect(map("11500", null, null, "a")).toBe(map("11599", null, null, "b"));
  });
});
