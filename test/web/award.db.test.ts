/**
 * The award page (GET/POST /cases/:id/award) against a real server and
 * SQLite: a buyer's form with a problem is answered 400 with the problem
 * beside its field and what was typed kept, a good form is saved as a new
 * case version and its points are shown as worked out by hand below; an
 * adviser sees the page read-only and may not save (403); another
 * organisation's case is a 404.
 *
 * The case (three bids, maximum 10 points; price 70 % linear with zero at 2 ×
 * the best, climate 30 % linear with zero at 2 × the best):
 *   A: 1 000 kr, 2 000 kg   B: 1 200 kr, 1 000 kg   C: 1 500 kr, 500 kg
 * Price points (best 1 000): A 10, B 10 × (2 000 − 1 200) / 1 000 = 8, C 10 × 500 / 1 000 = 5
 * Climate points (best 500): A 10 × (1 000 − 2 000) / 500 < 0 → 0, B 0, C 10
 * Weighted: A 7 + 0 = 7, B 5,6 + 0 = 5,6, C 3,5 + 3 = 6,5 → ranks A 1, C 2, B 3
 * Implied carbon price C against B: C saves 500 kg and leads by 3 weighted climate points;
 *   linear and C not the cheapest: ΔC = 3 × 100/70 × (2 − 1) × 1 000 / 10 = 428,57 kr → 857 kr per tonne.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tender } from "./award-tender.js";
import { startTestServer, TestClient, type TestServer } from "./harness.js";
import { text } from "./page-text.js";

const TENDER = tender("Anbud på kontormøbler");

/** The form as a buyer fills it in: 70/30, both linear with zero at 2 × the best. */
const FORM: Record<string, string> = {
  maxPoints: "10",
  costKind: "price",
  "cost-weight": "70",
  "cost-model": "linear",
  "cost-zeroAt": "2",
  "climate-weight": "30",
  "climate-model": "linear",
  "climate-zeroAt": "2",
  "quality-weight": "",
};

let server: TestServer;
let client: TestClient;
let caseId: string;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  client = new TestClient(server.url);
  caseId = (await server.store.cases.create(TENDER)).id;
});
afterAll(async () => server.close());

/** The value attribute of the input with this id. */
const valueOf = (html: string, id: string) => new RegExp(`id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? new RegExp(`value="([^"]*)"[^>]*id="${id}"`).exec(html)?.[1];

describe("the award form", () => {
  it("shows the form and says what to do while the case sets no award", async () => {
    const { res, html } = await client.get(`/cases/${caseId}/award`);
    expect(res.status).toBe(200);
    expect(html).toContain("<title>Tildeling og poeng: Anbud på kontormøbler – Kalkyle</title>");
    expect(html).toContain('action="/cases/');
    expect(text(html)).toContain("Sett kriteriene og vektene i skjemaet og lagre");
  });

  it("keeps what was typed and puts each problem beside its field (400), in the user's language", async () => {
    await client.get(`/cases/${caseId}/award`);
    const res = await client.postForm(`/cases/${caseId}/award`, { ...FORM, version: "1", "cost-weight": "7O", "climate-zeroAt": "1", "markup-spend": "12,5" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(valueOf(html, "award-cost-weight")).toBe("7O");
    expect(valueOf(html, "award-climate-zero-at")).toBe("1");
    expect(valueOf(html, "award-markup-spend")).toBe("12,5");
    // the problem beside the field, linked for screen readers, and in the summary with a link
    expect(html).toMatch(/id="award-cost-weight-error"/);
    expect(html).toMatch(/id="award-cost-weight"[^>]*aria-describedby="award-cost-weight-hint award-cost-weight-error"[^>]*aria-invalid="true"/);
    expect(html).toContain('href="#award-cost-weight"');
    // zero points must lie above the best bid (zeroAt > 1): the case check's problem at award.criteria[1].model.zeroAt, beside the climate field
    // the schema asks more than 1 (an exclusive minimum): said as «større enn 1», never «minst 1»
    expect(/id="award-climate-zero-at-error">([^<]*)</.exec(html)?.[1]).toBe("må være større enn 1");
    expect(text(html)).not.toContain("minst 1");
    expect(html).not.toContain("award.criteria");
    const stored = await server.store.cases.get(caseId);
    expect(stored!.version).toBe(1);
  });

  it("says a zero point of 1 must be greater than 1, in English", async () => {
    await client.get(`/cases/${caseId}/award?lang=en`);
    const res = await client.postForm(`/cases/${caseId}/award?lang=en`, { ...FORM, version: "1", "climate-zeroAt": "1" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(/id="award-climate-zero-at-error">([^<]*)</.exec(html)?.[1]).toBe("must be greater than 1");
    expect(text(html)).toContain("Climate (CO2e), zero points at (times the best bid): must be greater than 1");
  });

  it("says weights that do not add up to 100 beside the first weight, in English too", async () => {
    await client.get(`/cases/${caseId}/award?lang=en`);
    const res = await client.postForm(`/cases/${caseId}/award?lang=en`, { ...FORM, version: "1", "cost-weight": "60" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(valueOf(html, "award-cost-weight")).toBe("60");
    const error = /id="award-cost-weight-error">([^<]*)</.exec(html)?.[1];
    expect(error).toContain("90");
    expect(error).toContain("100");
    expect(html).toContain("Criteria and weights");
  });

  it("reads «27,5» the Norwegian way", async () => {
    await client.get(`/cases/${caseId}/award`);
    const res = await client.postForm(`/cases/${caseId}/award`, { ...FORM, version: "1", "cost-weight": "72,5", "climate-weight": "27,5" });
    expect(res.status).toBe(303);
    const saved = await server.store.cases.get(caseId);
    expect((saved!.document.award as { criteria: { weight: number }[] }).criteria.map((c) => c.weight)).toEqual([72.5, 27.5]);
  });

  it("saves 70/30 as a new version and shows the points, the ranks and the implied carbon price worked out by hand", async () => {
    const before = (await server.store.cases.get(caseId))!.version;
    await client.get(`/cases/${caseId}/award`);
    const res = await client.postForm(`/cases/${caseId}/award`, { ...FORM, version: String(before) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/cases/${caseId}/award?saved=1`);
    const saved = (await server.store.cases.get(caseId))!;
    expect(saved.version).toBe(before + 1);
    expect(saved.document.award).toEqual({ maxPoints: 10, criteria: [{ kind: "price", weight: 70, model: { type: "linear", zeroAt: 2 } }, { kind: "climate", weight: 30, model: { type: "linear", zeroAt: 2 } }] });

    const { res: page, html } = await client.get(`/cases/${caseId}/award?saved=1`);
    expect(page.status).toBe(200);
    const all = text(html);
    expect(all).toContain("Tildelingen er lagret");
    // points: rank, bid, price value, points, weighted, climate value, points, weighted, total
    const points = text(html.slice(html.indexOf('id="cap-award-points"'), html.indexOf('id="h-award-rankings"')));
    expect(points).toMatch(/1 Billig AS 1\s000 10,00 7,00 2,00 0,00 0,00 7,00/);
    expect(points).toMatch(/2 Grønn AS 1\s500 5,00 3,50 0,50 10,00 3,00 6,50/);
    expect(points).toMatch(/3 Middels AS 1\s200 8,00 5,60 1,00 0,00 0,00 5,60/);
    const implied = text(html.slice(html.indexOf('id="cap-award-implied"'), html.indexOf('id="h-award-tiers"')));
    expect(implied).toMatch(/Grønn AS Middels AS 0,50 857 Mellom halvparten og det dobbelte av referansen/);
    // Middels AS and Billig AS both get 0 climate points: nothing priced in between them
    expect(implied).toMatch(/Middels AS Billig AS 1,00 0 Like mange klimapoeng: vektingen setter ingen pris på CO2e-en mellom dem/);
    expect(implied).not.toContain("Langt under");
    // the note on that pair says so in plain words, with no «far below the reference»
    const notes = text(html.slice(html.indexOf('id="h-award-notes"'), html.indexOf('id="h-award-tiers"')));
    expect(notes).toContain("«Middels AS» og «Billig AS» får like mange klimapoeng, for eksempel fordi begge er forbi punktet der klimapoengene blir null eller ligger i samme intervall. Vektingen setter derfor ingen pris på CO2e-en mellom dem.");
    expect(notes).not.toMatch(/halvparten|0 kr per tonn/);
    // not scored on marked-up CO2e: the emissions ranking is of the declared CO2e, headed so
    const rankings = text(html.slice(html.indexOf('id="cap-award-rankings"'), html.indexOf('id="h-award-implied"')));
    expect(rankings).toContain("Etter utslipp (lavest først)");
    expect(rankings).not.toContain("med påslag");
    expect(all).toContain("R-109");
    // no climate-weight note at 30 %; the points order (A, C, B) is set beside the other rankings
    expect(all).not.toContain("§ 7-9");
    // the comparison page has the links and a short summary
    const compare = await client.get(`/cases/${caseId}`);
    expect(compare.html).toContain(`href="/cases/${caseId}/award"`);
    expect(compare.html).toContain(`href="/cases/${caseId}/bids"`);
    expect(text(compare.html)).toContain("Kriterier: Pris 70 %, Klima (CO2e) 30 %.");
  });

  it("refuses a stale form (409) with what was typed kept", async () => {
    await client.get(`/cases/${caseId}/award`);
    const res = await client.postForm(`/cases/${caseId}/award`, { ...FORM, version: "1", "cost-weight": "80", "climate-weight": "20" });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(valueOf(html, "award-cost-weight")).toBe("80");
    expect(text(html)).toContain("Noen andre har lagret saken");
  });
});

describe("quality points not yet given for a bid", () => {
  // 60/30/10 with points for Billig AS (A) and Grønn AS (C), none yet for Middels AS (B): the buyer judges quality after the bids are in
  const form = { ...FORM, "cost-weight": "60", "quality-weight": "10", "quality-points-0": "4", "quality-points-1": "", "quality-points-2": "8" };
  let pendingId: string;
  beforeAll(async () => {
    pendingId = (await server.store.cases.create(TENDER)).id;
  });

  it("saves the award, marks the blank field beside it and says why no points are shown, in both languages", async () => {
    await client.get(`/cases/${pendingId}/award`);
    const res = await client.postForm(`/cases/${pendingId}/award`, { ...form, version: "1" });
    expect(res.status).toBe(303);
    const saved = (await server.store.cases.get(pendingId))!;
    expect(saved.document.award).toMatchObject({ criteria: [{ kind: "price" }, { kind: "climate" }, { kind: "quality", weight: 10, points: { A: 4, C: 8 } }] });

    const { html } = await client.get(`/cases/${pendingId}/award?saved=1`);
    // the blank field has a hint beside it, linked to the field; the filled ones have none, and nothing is an error
    expect(/id="award-quality-points-1-hint">([^<]*)</.exec(html)?.[1]).toBe("Mangler: tildelingen regnes ikke ut før alle tilbudene har kvalitetspoeng.");
    expect(html).toMatch(/id="award-quality-points-1"[^>]*aria-describedby="[^"]*award-quality-points-1-hint/);
    expect(html).not.toMatch(/id="award-quality-points-[02]-hint"/);
    expect(html).not.toContain('aria-invalid="true"');
    expect(valueOf(html, "award-quality-points-0")).toBe("4");
    // the warning instead of the points
    const results = text(html.slice(html.indexOf('id="h-award-results"')));
    expect(results).toContain("Tildelingen er ikke regnet ut: kvalitetspoeng mangler for «Middels AS» (B). Gi poengene på tildelingssiden.");
    expect(results).toContain("Poengene vises når tildelingen kan regnes ut.");
    expect(html).not.toContain('id="cap-award-points"');

    const en = (await client.get(`/cases/${pendingId}/award?lang=en`)).html;
    expect(/id="award-quality-points-1-hint">([^<]*)</.exec(en)?.[1]).toBe("Missing: the award is not computed until every bid has quality points.");
    expect(text(en)).toContain('The award is not computed: quality points are missing for "Middels AS" (B). Give the points on the award page.');
  });

  it("computes the award once the last bid has its points", async () => {
    const version = (await server.store.cases.get(pendingId))!.version;
    await client.get(`/cases/${pendingId}/award`);
    const res = await client.postForm(`/cases/${pendingId}/award`, { ...form, version: String(version), "quality-points-1": "6" });
    expect(res.status).toBe(303);
    const { html } = await client.get(`/cases/${pendingId}/award?saved=1`);
    expect(html).toContain('id="cap-award-points"');
    expect(html).not.toContain("award-quality-points-1-hint");
    expect(text(html)).not.toContain("Tildelingen er ikke regnet ut");
  });
});

describe("LCC, an interval table, quality points and data-quality mark-ups", () => {
  /*
   * LCC 60 % proportional: the present values are the year-0 prices, A 1 000, B 1 200, C 1 500 →
   *   A 10, B 10 × 1 000 / 1 200 = 8,33, C 10 × 1 000 / 1 500 = 6,67
   * Climate 30 % on the marked-up CO2e (generic +25 %): A 2,5 t, B 1,25 t, C 0,625 t;
   *   bands up to 0,7 t: 10, up to 1,5 t: 5, above: 0 → A 0, B 5, C 10
   * Quality 10 %: A 4, B 6, C 8
   * Weighted: A 6 + 0 + 0,4 = 6,4; B 5 + 1,5 + 0,6 = 7,1; C 4 + 3 + 0,8 = 7,8 → C 1, B 2, A 3
   */
  const RICH: Record<string, string> = {
    maxPoints: "10",
    costKind: "lcc",
    "cost-weight": "60",
    "cost-model": "proportional",
    "climate-weight": "30",
    "climate-model": "intervals",
    "climate-upTo-0": "0,7",
    "climate-points-0": "10",
    "climate-upTo-1": "",
    "climate-points-1": "",
    "climate-upTo-2": "1,5",
    "climate-points-2": "5",
    "quality-weight": "10",
    "quality-points-0": "4",
    "quality-points-1": "6",
    "quality-points-2": "8",
    "markup-generic": "25 %",
    useMarkedUp: "1",
  };

  it("puts a band out of order beside its row, the interval table unfolded", async () => {
    const { html: form } = await client.get(`/cases/${caseId}/award`);
    const version = /name="version" value="(\d+)"/.exec(form)![1]!;
    const res = await client.postForm(`/cases/${caseId}/award`, { ...RICH, version, "climate-upTo-2": "0,5" });
    expect(res.status).toBe(400);
    const html = await res.text();
    // the blank row between is dropped: the second filled row is row 2 of the form again
    expect(valueOf(html, "award-climate-up-to-1")).toBe("0,5");
    expect(html).toMatch(/id="award-climate-up-to-1-error"/);
    expect(html).toMatch(/<details class="award-bands" open>[\s\S]*?cap-award-climate-bands/);
    // in the summary, the cell's place as a phrase: «Klima (CO2e), rad 2, «opp til» (t CO2e): …»
    expect(html).toMatch(/<a href="#award-climate-up-to-1">Klima \(CO2e\), rad 2, «opp til» \(t CO2e\): /);
    await client.get(`/cases/${caseId}/award?lang=en`);
    const en = await (await client.postForm(`/cases/${caseId}/award?lang=en`, { ...RICH, version, "climate-upTo-0": "0.7", "climate-upTo-2": "0.5", "markup-generic": "25" })).text();
    expect(en).toMatch(/<a href="#award-climate-up-to-1">Climate \(CO2e\), row 2, “up to” \(t CO2e\): /);
  });

  it("saves them and scores the marked-up CO2e, showing the mark-up beside the plain figures", async () => {
    const { html: form } = await client.get(`/cases/${caseId}/award`);
    const version = /name="version" value="(\d+)"/.exec(form)![1]!;
    const res = await client.postForm(`/cases/${caseId}/award`, { ...RICH, version });
    expect(res.status).toBe(303);
    const saved = (await server.store.cases.get(caseId))!;
    expect(saved.document.award).toEqual({
      maxPoints: 10,
      criteria: [
        { kind: "lcc", weight: 60, model: { type: "proportional" } },
        { kind: "climate", weight: 30, model: { type: "intervals", bands: [{ upTo: 0.7, points: 10 }, { upTo: 1.5, points: 5 }] } },
        { kind: "quality", weight: 10, points: { A: 4, B: 6, C: 8 } },
      ],
      useMarkedUp: true,
    });
    expect(saved.document.dataQuality).toEqual({ markup: { generic: 0.25 } });

    const { html } = await client.get(`/cases/${caseId}/award`);
    // the form shows what was saved, the Norwegian way
    expect(valueOf(html, "award-markup-generic")).toBe("25");
    expect(valueOf(html, "award-climate-up-to-0")).toBe("0,7");
    const points = text(html.slice(html.indexOf('id="cap-award-points"'), html.indexOf('id="h-award-rankings"')));
    expect(text(html)).toContain("Klimapoengene er regnet av utslippene med påslag");
    // scored on marked-up CO2e: the emissions ranking is of the marked-up CO2e and its heading says so
    expect(text(html.slice(html.indexOf('id="cap-award-rankings"'), html.indexOf('id="h-award-implied"')))).toContain("Etter utslipp med påslag (lavest først)");
    expect(points).toMatch(/1 Grønn AS 1\s500 6,67 4,00 \S+ 10,00 3,00 8,00 0,80 7,80/);
    expect(points).toMatch(/2 Middels AS 1\s200 8,33 5,00 \S+ 5,00 1,50 6,00 0,60 7,10/);
    expect(points).toMatch(/3 Billig AS 1\s000 10,00 6,00 \S+ 0,00 0,00 4,00 0,40 6,40/);
    // CO2e by tier: Billig AS 2,00 t generic, 2,50 t with the mark-up
    const tiers = text(html.slice(html.indexOf('id="cap-award-tiers"')));
    expect(tiers).toMatch(/Billig AS 0,00 2,00 med påslag: 2,50 0,00 0,00 2,00 2,50/);
  });
});

describe("who may see and change the award", () => {
  it("shows an adviser the criteria read-only and refuses the adviser's save (403)", async () => {
    const adviser = await server.clientAs("adviser");
    const { res, html } = await adviser.get(`/cases/${caseId}/award`);
    expect(res.status).toBe(200);
    expect(html).not.toContain('name="cost-weight"');
    expect(text(html)).toContain("bare en innkjøper eller en administrator kan endre den");
    // the criteria saved last (the LCC test above), in words
    expect(text(html)).toContain("Livssykluskostnad (LCC) 60 % forholdsmessig");
    const version = (await server.store.cases.get(caseId))!.version;
    const post = await adviser.postForm(`/cases/${caseId}/award`, { ...FORM, version: String(version) });
    expect(post.status).toBe(403);
    expect((await server.store.cases.get(caseId))!.version).toBe(version);
  });

  it("answers another organisation's member 404 for the page and the save", async () => {
    const other = await server.clientAs("buyer", { organisationId: await server.createOrganisation("Annen kommune") });
    expect((await other.get(`/cases/${caseId}/award`)).res.status).toBe(404);
    await other.get("/cases");
    expect((await other.postForm(`/cases/${caseId}/award`, { ...FORM, version: "1" })).status).toBe(404);
  });
});
