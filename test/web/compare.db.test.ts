/**
 * The comparison page and the printable report against a real server and
 * database: every seeded example renders with its ranking, dominance and
 * payback; the page answers first (the recommendation before the ranking,
 * the warnings in a banner above it, the settings folded away) and names
 * the alternatives by their names; an unknown id is a 404; a case that no
 * longer validates shows its problems (200); stored text is never rendered
 * as markup and the chart JSON blocks still parse.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateDocument } from "../../src/case/evaluate-document.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import type { ResultJson } from "../case/fixture-library.js";
import { startTestServer, TestClient, type TestServer } from "./harness.js";

const library = loadFactorLibrary();
let server: TestServer;
let client: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  client = new TestClient(server.url);
});
afterAll(async () => server.close());

/** Decodes the few entities Handlebars writes. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#x3D;/g, "=")
    .replace(/&#x60;/g, "`")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** The ranking table's rows in page order: rank, the alternative id (a data attribute: the page shows the name) and the dominance cell. */
function rankingRows(html: string) {
  const table = /<table class="data ranking">([\s\S]*?)<\/table>/.exec(html)![1]!;
  return [...table.matchAll(/<tr( class="is-dominated")? data-alternative-rank="(\d+)" data-alternative-id="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => ({
    rank: Number(m[2]),
    id: m[3]!,
    dominatedClass: m[1] !== undefined,
    cells: text(m[4]!),
  }));
}

function jsonBlocks(html: string): { id: string; raw: string }[] {
  return [...html.matchAll(/<script type="application\/json" id="([^"]+)">([\s\S]*?)<\/script>/g)].map((m) => ({ id: m[1]!, raw: m[2]! }));
}

async function seededCases() {
  const { cases } = await server.store.cases.list({ limit: 100 });
  return Promise.all(cases.map(async (c) => (await server.store.cases.get(c.id))!));
}

describe("comparison page of the seeded examples", () => {
  it("shows every example with its ranking order, dominated alternatives marked in text, and the payback in words", async () => {
    const stored = await seededCases();
    expect(stored.length).toBeGreaterThan(0);
    for (const c of stored) {
      const evaluation = evaluateDocument(c.document, library);
      expect(evaluation.ok, c.title).toBe(true);
      if (!evaluation.ok) continue;
      const result = evaluation.result as unknown as ResultJson;
      const { res, html } = await client.get(`/cases/${c.id}`);
      expect(res.status, c.title).toBe(200);
      expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");

      const rows = rankingRows(html);
      expect(rows.map((r) => r.id), c.title).toEqual(result.ranking.order);
      expect(rows.map((r) => r.rank)).toEqual(result.ranking.order.map((id) => result.alternatives.find((a) => a.id === id)!.rank));
      for (const row of rows) {
        const dominated = result.alternatives.find((a) => a.id === row.id)!.dominated;
        expect(row.dominatedClass, `${c.title} ${row.id}`).toBe(dominated);
        expect(row.cells.includes("Ja, dominert"), `${c.title} ${row.id}`).toBe(dominated);
      }

      const deltas = text(/<table class="data deltas">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "");
      for (const cmp of result.comparison) {
        const start = result.analysis.startYear as number;
        const payback = (cmp as typeof cmp & { payback: "from-start" | "in-year" | "never" }).payback;
        const words = { "from-start": "billigere fra start", never: "betaler seg ikke tilbake innen perioden", "in-year": `år ${cmp.paybackYear} (${start + (cmp.paybackYear ?? 0)})` };
        expect(deltas, `${c.title} ${cmp.id}`).toContain(words[payback]);
      }

      expect(html).toContain(result.factorSetHash);
      expect(html).toContain(`href="/cases/${c.id}/edit"`);
      expect(html).toContain(`href="/cases/${c.id}/report.pdf"`);
      expect(html).toContain('<script src="/static/js/charts.js" defer></script>');
      const blocks = jsonBlocks(html);
      expect(blocks.map((b) => b.id).sort()).toEqual(["chart-costs-data", "chart-stages-data"]);
      for (const b of blocks) expect(() => JSON.parse(b.raw)).not.toThrow();
      expect(html).not.toMatch(/<script(?![^>]*(src=|type="application\/json"))[^>]*>/);
      expect(html).not.toMatch(/\sstyle=/);
    }
  });

  it("speaks English when asked", async () => {
    const [first] = await seededCases();
    const { res, html } = await client.get(`/cases/${first!.id}?lang=en`);
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<h2 id=\"h-ranking\">Ranking</h2>");
    expect(html).toContain("Cumulative discounted cost");
  });

  it("answers 404 for an unknown case", async () => {
    expect((await client.get("/cases/no-such-case")).res.status).toBe(404);
    expect((await client.get("/cases/no-such-case/report")).res.status).toBe(404);
  });
});

describe("printable report", () => {
  it("carries the factor set id and hash, the time made in UTC, the sources and the charts with their tables", async () => {
    for (const c of await seededCases()) {
      const evaluation = evaluateDocument(c.document, library);
      if (!evaluation.ok) continue;
      for (const lang of ["nb", "en"] as const) {
        const { res, html } = await client.get(`/cases/${c.id}/report?lang=${lang}`);
        expect(res.status).toBe(200);
        expect(html).toContain(`<html lang="${lang}">`);
        expect(html).toContain(evaluation.context.set.hash);
        expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z">\d{4}-\d\d-\d\d \d\d:\d\d UTC<\/time>/);
        expect(html).toContain('id="h-sources"');
        expect(html).toContain(lang === "nb" ? "Skriv ut" : "Print");
        expect(html).toContain('<canvas id="chart-stages"');
        expect(html).toContain('<table class="data stages">');
        expect(html).toContain('<table class="data costs">');
      }
    }
  });
});

describe("a stored case that no longer validates", () => {
  it("shows the problems with a link to the editor, status 200", async () => {
    const broken = await server.store.cases.create({
      schema: "kalkyle.case/1",
      title: "Gammel sak",
      factorSet: "1999-old",
      analysis: { startYear: 2026, years: 5 },
      alternatives: [{ id: "A", name: "Alt A" }],
    });
    for (const path of [`/cases/${broken.id}`, `/cases/${broken.id}/report`]) {
      const { res, html } = await client.get(path);
      expect(res.status).toBe(200);
      expect(html).toContain("Saken kan ikke beregnes nå");
      // the place in words, not the JSON path
      expect(text(html)).toContain("Saken: ukjent faktorsett «1999-old»");
      expect(text(html)).not.toContain("factorSet:");
      expect(html).toContain(`href="/cases/${broken.id}/edit"`);
      expect(html).not.toContain("chart.umd.min.js");
    }
    const en = await client.get(`/cases/${broken.id}?lang=en`);
    expect(text(en.html)).toContain('The case: unknown factor set "1999-old"');
  });
});

describe("stored text is shown as text", () => {
  const SCRIPT = "<script>window.__xss=1</script>";
  const ATTRIBUTE = '"><img src=x onerror="window.__xss=1">';
  const CLOSE = "</script><script>window.__xss=1//";
  const TEMPLATE = "{{constructor.constructor('alert(1)')()}}";
  const SEPARATOR = "line\u2028break\u2029end";
  const HOSTILE = [SCRIPT, ATTRIBUTE, CLOSE, TEMPLATE, SEPARATOR];

  it("escapes every payload in the page, the report and the chart JSON", async () => {
    const doc = {
      schema: "kalkyle.case/1",
      title: `${SCRIPT} ${TEMPLATE}`,
      functionalUnit: `${ATTRIBUTE} ${SEPARATOR}`,
      analysis: { startYear: 2026, years: 3 },
      alternatives: HOSTILE.map((payload, i) => ({
        id: `X${i}`,
        name: `${payload} ${i}`,
        wasteLevel: i === 0 ? "reuse" : undefined,
        emissions: [
          { label: payload, kind: "material", factor: "material.wood.primary", quantity: `${100 * (i + 1)} kg` },
          { label: `${payload} D`, kind: "material", factor: { value: -0.5, unit: "kgCO2e/kg" }, quantity: "10 kg", stage: "D" },
        ],
        costs: [{ label: payload, kind: "acquisition", amount: 1000 * (i + 1) }],
      })),
    };
    const created = await server.store.cases.create(doc);
    expect(evaluateDocument(created.document, library).ok).toBe(true);

    for (const path of [`/cases/${created.id}`, `/cases/${created.id}/report`, `/cases/${created.id}?lang=en`]) {
      const { res, html } = await client.get(path);
      expect(res.status).toBe(200);
      const blocks = jsonBlocks(html);
      expect(blocks).toHaveLength(2);
      // Outside the JSON data blocks no payload appears as written.
      let outside = html;
      for (const b of blocks) outside = outside.replace(b.raw, "");
      for (const payload of [SCRIPT, ATTRIBUTE, CLOSE, TEMPLATE]) expect(outside, path).not.toContain(payload);
      expect(outside).not.toContain("<img");
      expect(outside).not.toContain("onerror=");
      // Only our own script elements.
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.every((s) => s.includes(' src="/') || s.startsWith('<script type="application/json"'))).toBe(true);
      // Chart.js, chart-kit.js, charts.js, pdf-status.js (the compare page and the report alike) and the two chart data blocks
      expect(scripts).toHaveLength(6);
      // The data blocks hold no markup and no raw line separators, and still parse to the very text stored.
      for (const b of blocks) {
        expect(b.raw).not.toMatch(/[<>&\u2028\u2029]/);
        const data = JSON.parse(b.raw) as { labels: string[]; datasets: { label: string }[] };
        expect(JSON.stringify(data)).not.toContain("undefined");
      }
      // the chart labels are the whole names, in lines
      const stages = JSON.parse(blocks.find((b) => b.id === "chart-stages-data")!.raw) as { labels: string[][] };
      expect(stages.labels.map((l) => l.join(" "))).toContain(`${SCRIPT} 0`);
      // The Handlebars-looking text was not evaluated: it is shown as text.
      expect(text(html)).toContain(TEMPLATE);
      expect(text(html)).toContain(SCRIPT);
    }
  });
});

describe("sources on the comparison page and report", () => {
  it("cites each source once, in the numbered list, and every item's number points at its factor's own entry", async () => {
    const { cases } = await server.store.cases.list({ search: "", limit: 50 });
    for (const c of cases) {
      for (const path of [`/cases/${c.id}`, `/cases/${c.id}/report`]) {
        const { html } = await client.get(path);
        const list = /<ol class="sources">([\s\S]*?)<\/ol>/.exec(html)?.[1];
        if (list === undefined) continue; // a case that does not evaluate has no sources
        // "<strong>what</strong>: citation; licence …": the citation is what comes before the last "; "
        const entries = new Map(
          [...list.matchAll(/<li id="source-(\d+)"><strong>([^<]*)<\/strong>: ([\s\S]*?)<\/li>/g)].map((m) => {
            const rest = text(m[3]!);
            return [Number(m[1]), { what: text(m[2]!), citation: rest.slice(0, rest.search(/; (lisens|licence) /)) }];
          }),
        );
        expect(entries.size, path).toBeGreaterThan(0);
        // each citation once in the page: in the list, not in the rows
        for (const { citation } of entries.values()) expect(text(html).split(citation).length - 1, `${path}: ${citation}`).toBe(1);
        const rows = [...html.matchAll(/<tr>\s*<th scope="row">[\s\S]*?<code>([^<]+)<\/code><\/a><\/td>\s*<td class="source"><a href="#source-(\d+)">/g)];
        expect(rows.length, path).toBeGreaterThan(0);
        for (const [, factor, number] of rows) {
          const entry = entries.get(Number(number));
          expect(entry, `${path}: ${factor} → [${number}]`).toBeDefined();
          if (factor !== "electricity") expect(entry!.what.startsWith(`${factor} – `), `${path}: ${factor} → ${entry!.what}`).toBe(true);
        }
      }
    }
  });
});

describe("a comparison that answers first", () => {
  // ids that differ from the names, so an id shown where a name should be is found
  const CASE = {
    schema: "kalkyle.case/1",
    title: "Stoler til rådhuset",
    analysis: { startYear: 2026, years: 10, discountRate: 0.04 },
    ranking: "emissions",
    alternatives: [
      { id: "qz-nye", name: "Nye kontorstoler", emissions: [{ label: "Tre", kind: "material", factor: "material.wood.primary", quantity: "1200 kg" }], costs: [{ kind: "acquisition", amount: 300000 }] },
      { id: "qz-ombruk", name: "Ombrukte stoler med nytt trekk", emissions: [{ label: "Trekk", kind: "material", factor: "material.wood.primary", quantity: "100 kg" }] },
    ],
  };
  let id = "";
  let nb = "";
  let en = "";

  beforeAll(async () => {
    id = (await server.store.cases.create(CASE)).id;
    nb = (await client.get(`/cases/${id}`)).html;
    en = (await client.get(`/cases/${id}?lang=en`)).html;
  });

  it("opens with the answer, naming the recommended alternative, before the ranking and the charts; the banner of warnings comes first", () => {
    const at = (html: string, marker: string) => {
      const i = html.indexOf(marker);
      expect(i, marker).toBeGreaterThan(-1);
      return i;
    };
    for (const html of [nb, en]) {
      expect(at(html, 'id="h-warnings"')).toBeLessThan(at(html, 'id="h-answer"'));
      expect(at(html, 'id="h-answer"')).toBeLessThan(at(html, 'id="h-ranking"'));
      expect(at(html, 'id="h-ranking"')).toBeLessThan(at(html, 'id="chart-stages"'));
      expect(at(html, 'id="chart-costs"')).toBeLessThan(at(html, 'id="h-settings"'));
    }
    const answer = (html: string) => text(/<section class="compare-section compare-answer"[\s\S]*?<\/section>/.exec(html)![0]);
    expect(answer(nb)).toContain("«Ombrukte stoler med nytt trekk» anbefales når alternativene rangeres etter utslipp");
    expect(answer(nb)).toContain("sammenlignet med referansen, «Nye kontorstoler»");
    expect(answer(en)).toContain("“Ombrukte stoler med nytt trekk” is recommended when the alternatives are ranked by emissions");
  });

  it("folds the analysis settings, checksum included, into a closed details element", () => {
    const fold = /<details class="settings-fold">([\s\S]*?)<\/details>/.exec(nb);
    expect(fold).not.toBeNull();
    expect(fold![0]).toContain("<summary><h2 id=\"h-settings\">Forutsetninger for beregningen</h2></summary>");
    expect(fold![1]).toMatch(/<code class="hash">sha256:[0-9a-f]{64}<\/code>/);
    expect(en).toContain("<summary><h2 id=\"h-settings\">Analysis settings</h2></summary>");
    expect(nb).not.toMatch(/<details[^>]*\sopen/);
  });

  it("names the alternatives by their names everywhere: no id in the text, the tables or the chart data", () => {
    for (const html of [nb, en]) {
      const withoutData = html.replace(/ data-alternative-id="[^"]*"/g, "");
      expect(withoutData).not.toContain("qz-");
      expect(html).toContain("Ombrukte stoler med nytt trekk");
    }
  });

  it("lists the warnings in a banner with a heading, not as an alert: here the alternative with no costs", () => {
    const banner = /<aside class="compare-warnings warning-banner" aria-labelledby="h-warnings">([\s\S]*?)<\/aside>/.exec(nb);
    expect(banner).not.toBeNull();
    expect(text(banner![1]!)).toContain("Alternativ «Ombrukte stoler med nytt trekk»: Ingen kostnadsposter: alternativets livssykluskostnad regnes som 0 kr");
    expect(nb).not.toContain('role="alert"');
    // the answer points to them, since a missing cost makes the alternative look cheaper
    expect(nb).toContain('<p class="answer-caveat"><a href="#h-warnings">Sjekk merknadene over før du bruker svaret');
    expect(text(/<aside class="compare-warnings[\s\S]*?<\/aside>/.exec(en)![0])).toContain("Alternative “Ombrukte stoler med nytt trekk”: No cost items");
  });

  it("titles the page with the page and the case", () => {
    expect(nb).toContain("<title>Sammenligning: Stoler til rådhuset – Kalkyle</title>");
    expect(en).toContain("<title>Comparison: Stoler til rådhuset – Kalkyle</title>");
  });

  it("a one-alternative case says there is nothing to compare, in the answer and the banner", async () => {
    const single = await server.store.cases.create({ ...CASE, title: "Bare nye stoler", alternatives: [CASE.alternatives[0]] });
    const html = (await client.get(`/cases/${single.id}`)).html;
    expect(text(/<section class="compare-section compare-answer"[\s\S]*?<\/section>/.exec(html)![0])).toContain("Saken har bare ett alternativ, «Nye kontorstoler», så det er ingenting å sammenligne med.");
    expect(text(/<aside class="compare-warnings[\s\S]*?<\/aside>/.exec(html)![0])).toContain("Saken: Bare ett alternativ, så det er ingenting å sammenligne med");
  });
});
