/**
 * No note written for maintainers reaches a user: for every example case,
 * and for a case on set 2025-1 (whose records still carry "verify against
 * …" and "secondary transcription" in their editions), the report page
 * (what the PDF is made of), the CSV in both variants and every cell of the
 * Excel workbook hold no "verify", "TODO", repository path or file name;
 * nor do the factor library page and the API's factor search on set 2025-1. And every factor the
 * case uses is cited with its publisher, year and URL in each of them (one
 * record in the released sets has no URL; a test names it).
 */
import ExcelJS from "exceljs";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateDocument } from "../../../src/case/evaluate-document.js";
import { hasMaintainerNote } from "../../../src/factors/build/scrub.js";
import { loadFactorLibrary } from "../../../src/factors/load.js";
import type { Source } from "../../../src/factors/schema.js";
import { startTestServer, type TestServer } from "../harness.js";

const MAINTAINER = /verify|TODO|emission-factors\/|\.ts\b|\.json\b|src\//i;
const EXAMPLES = new URL("../../../examples/", import.meta.url).pathname;
const library = loadFactorLibrary();

/** On set 2025-1: DESNZ records whose edition says "verify against the DESNZ workbook", and an EXIOBASE record naming the repository it was extracted with. */
const OLD_SET_CASE = {
  schema: "kalkyle.case/1",
  title: "Grus og diesel, sett 2025-1",
  factorSet: "2025-1",
  analysis: { startYear: 2026, years: 5, discountRate: 0.04, priceYear: 2024 },
  alternatives: [
    {
      id: "A",
      name: "Pukk og HVO",
      emissions: [
        { label: "Pukk", kind: "material", factor: "material.aggregates.primary", quantity: "20 t" },
        { label: "HVO", kind: "machinery", factor: "fuel.hvo100", quantity: "300 l" },
        { label: "Maskiner", kind: "spend", factor: "spend.p30-office-machinery", quantity: "10000 NOK" },
      ],
      costs: [{ label: "Innkjøp", kind: "acquisition", amount: 50000 }],
    },
    { id: "B", name: "Ingenting", emissions: [{ label: "Null", kind: "fixed", factor: { value: 0, unit: "kgCO2e/unit" }, quantity: "1" }], costs: [{ label: "Null", kind: "other", amount: 0 }] },
  ],
};

const cases: [string, Record<string, unknown>][] = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f): [string, Record<string, unknown>] => [f, JSON.parse(readFileSync(join(EXAMPLES, f), "utf8")) as Record<string, unknown>]),
  ["set 2025-1", OLD_SET_CASE],
];

/** The sources of every factor record a case's items rest on (chains and the chosen electricity included). */
function usedSources(document: Record<string, unknown>): Source[] {
  const e = evaluateDocument(document, library);
  if (!e.ok) throw new Error(JSON.stringify(e.problems));
  const set = e.context.set;
  const sources: Source[] = [];
  for (const item of e.core.alternatives.flatMap((a) => a.emissions.items)) {
    let id: string | undefined = item.factor === "electricity" ? e.context.electricity.factor : (item.factor ?? undefined);
    while (id !== undefined) {
      const record = set.records.get(id === "electricity" ? e.context.electricity.factor : id)!;
      sources.push(record.source);
      id = record.via;
    }
  }
  return sources;
}

const xlsxText = async (bytes: ArrayBuffer): Promise<string> => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const texts: string[] = [];
  book.eachSheet((sheet) => {
    texts.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value))));
  });
  return texts.join("\n");
};

/** Characters the page escapes, back as text. */
const unescape = (html: string) => html.replace(/&#x3D;/g, "=").replace(/&amp;/g, "&").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">");

let server: TestServer;
const stored = new Map<string, string>();

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  for (const [name, document] of cases) stored.set(name, (await server.store.cases.create(document)).id);
});
afterAll(async () => {
  await server?.close();
});

describe("what a user sees carries no maintainer notes, and cites each factor with publisher, year and URL", () => {
  it.each(cases.map(([name]) => name))("%s: the report page, the CSV in both variants and the workbook", async (name) => {
    const id = stored.get(name)!;
    const get = async (path: string) => {
      const res = await fetch(`${server.url}/cases/${id}/${path}`);
      expect(res.status, path).toBe(200);
      return res;
    };
    const files: [string, string][] = [
      ["report (nb)", unescape(await (await get("report?lang=nb")).text())],
      ["report (en)", unescape(await (await get("report?lang=en")).text())],
      ["CSV (semicolon)", await (await get("export.csv?lang=nb")).text()],
      ["CSV (comma)", await (await get("export.csv?lang=en")).text()],
      ["workbook", await xlsxText(await (await get("export.xlsx?lang=en")).arrayBuffer())],
    ];
    const sources = usedSources(cases.find(([n]) => n === name)![1]);
    expect(sources.length, "the case uses published factors").toBeGreaterThan(0);
    for (const [what, text] of files) {
      expect(text.match(MAINTAINER)?.[0] ?? null, `${name}, ${what}`).toBeNull();
      expect(hasMaintainerNote(text), `${name}, ${what}: secondary transcription, a commit or a repository`).toBe(false);
      for (const source of sources) {
        expect(text, `${name}, ${what}: ${source.publisher}`).toContain(source.publisher);
        expect(text, `${name}, ${what}: ${source.publisher}, year`).toContain(`(${source.year})`);
        if (source.url !== undefined) expect(text, `${name}, ${what}: ${source.publisher}, URL`).toContain(source.url);
      }
    }
    // the files name the source in one line each: publisher, dataset (year), table and URL together
    const csv = files[3]![1];
    for (const source of sources) expect(csv, source.title).toContain(`${source.publisher}, ${source.title} (${source.year})`);
  });

  it("every record of the bundled sets gives a URL but one: NVE's residual mix 2020, published without an address the sets could keep", () => {
    const withoutUrl = [...library.sets.values()].flatMap((set) => [...set.records.values()].filter((r) => r.source.url === undefined).map((r) => `${set.id} ${r.id}`));
    expect(withoutUrl).toEqual(["2025-1 electricity.no.residual-2020", "2025-2 electricity.no.residual-2020", "2026-1 electricity.no.residual-2020"]);
  });

  it("the factor library page of set 2025-1 and the factor search of the API show its editions without the notes for maintainers", async () => {
    for (const q of ["aggregates", "hvo", "office"]) {
      const html = unescape(await (await fetch(`${server.url}/factors?set=2025-1&q=${q}&lang=en`)).text());
      expect(html, q).toContain("https://");
      expect(html.match(/verify|secondary transcription|themisiq/i)?.[0] ?? null, q).toBeNull();
      const api = await fetch(`${server.url}/api/v1/factors?set=2025-1&q=${q}`);
      expect(api.status).toBe(200);
      const json = await api.text();
      expect(json, q).toContain('"publisher"');
      expect(json.match(/verify|secondary transcription|themisiq/i)?.[0] ?? null, `${q}, API`).toBeNull();
    }
  });
});
