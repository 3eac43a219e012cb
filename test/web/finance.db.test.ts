/**
 * The finance page (GET /cases/:id/finance) against a real server and
 * database: a small case with a flat 4 % and two years, whose cash flows,
 * budgets, equivalent annual cost and measures against the baseline are
 * worked out by hand below and found on the page; the Monte Carlo's seed
 * repeats its figures; a refused query is a 400 naming the field, in the
 * user's language, with what was typed still in the form; another
 * organisation's case is a 404.
 *
 * The case (flat 4 %, N = 2, 2026–2028; D1 = 1.04, D2 = 1.0816):
 *   A (baseline): buys for 1 000 in year 0, energy 500 a year; 2 000 kg a year
 *   B:            buys for 2 000,           energy 100 a year;   400 kg a year
 *   C:            buys for 1 600,           energy 100 a year; 2 000 kg a year
 * Present values: A = 1 000 + 500/1.04 + 500/1.0816 = 1 000 + 480.77 + 462.28 = 1 943.05
 *                 B = 2 000 + 100/1.04 + 100/1.0816 = 2 000 + 96.15 + 92.46 = 2 188.61
 *                 C = 1 600 + 96.15 + 92.46 = 1 788.61
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, TestClient, type TestServer } from "./harness.js";
import { kr, tableRows, text } from "./page-text.js";

const NBSP = "\u00a0";
const MINUS = "\u2212";
const fixedPerYear = (kg: number) => ({ factor: { value: 1, unit: "kgCO2e/unit" }, quantity: `${kg} unit`, every: 1 });

const SMALL = {
  schema: "kalkyle.case/1",
  title: "Kjel eller varmepumpe",
  analysis: { startYear: 2026, years: 2, discountRate: 0.04 },
  baseline: "A",
  alternatives: [
    { id: "A", name: "Gammel kjel", emissions: [{ label: "Drift", kind: "fixed", ...fixedPerYear(2000) }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 1000 }, { label: "Strøm", kind: "energy", amount: 500, every: 1 }] },
    { id: "B", name: "Varmepumpe", emissions: [{ label: "Drift", kind: "fixed", ...fixedPerYear(400) }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 2000 }, { label: "Strøm", kind: "energy", amount: 100, every: 1 }] },
    { id: "C", name: "Ny kjel", emissions: [{ label: "Drift", kind: "fixed", ...fixedPerYear(2000) }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 1600 }, { label: "Strøm", kind: "energy", amount: 100, every: 1 }] },
  ],
};

let server: TestServer;
let client: TestClient;
let caseId: string;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  client = new TestClient(server.url);
  caseId = (await server.store.cases.create(SMALL)).id;
});
afterAll(async () => server.close());


describe("the finance page of a small case, against hand computations", () => {
  it("shows each alternative's cash flows year by year, its budgets, its equivalent annual cost and its payback year", async () => {
    const { res, html } = await client.get(`/cases/${caseId}/finance?seed=42`);
    expect(res.status).toBe(200);
    // C: nominal 1 600, 100, 100; discounted 1 600, 96.15, 92.46; summed 1 600, 1 696.15, 1 788.61;
    // the baseline's summed present value 1 000, 1 480.77, 1 943.05: C is at or below it from year 2 on
    const c = tableRows(html, "cap-cash-alt3");
    expect(c).toEqual([
      ["år 0 (2026)", kr(1600), kr(1600), kr(1600), kr(1600), kr(1000)],
      ["år 1 (2027)", kr(100), kr(96.15), kr(1700), kr(1696.15), kr(1480.77)],
      ["år 2 (2028): tilbakebetalt", kr(100), kr(92.46), kr(1800), kr(1788.61), kr(1943.05)],
    ]);
    expect(kr(1788.61)).toBe(`1${NBSP}789`);
    const part = text(html.slice(html.indexOf('id="h-cash-alt3"'), html.indexOf('id="cap-cash-alt3"')));
    // investment budget: year 0; operating budget: 100 + 100 = 200 undiscounted, 96.15 + 92.46 = 188.61 in present value
    expect(part).toContain(`Investeringsbudsjett (år 0) ${kr(1600)} kr udiskontert, ${kr(1600)} kr i nåverdi`);
    expect(part).toContain(`Driftsbudsjett (år 1–2) 200 kr udiskontert, 189 kr i nåverdi`);
    // EAC = PV / (1/1.04 + 1/1.0816) = 1 788.61 / 1.886095 = 948.31
    expect(part).toContain("Årlig kostnad (EAC) 948 kr");
    expect(part).toContain("Tilbakebetaling mot referansen (nåverdi) år 2 (2028)");
    // B never comes down to A's summed cost: 2 000 > 1 000, 2 096 > 1 481, 2 189 > 1 943
    const b = text(html.slice(html.indexOf('id="h-cash-alt2"'), html.indexOf('id="cap-cash-alt2"')));
    expect(b).toContain("Tilbakebetaling mot referansen (nåverdi) betaler seg ikke tilbake innen perioden");
    // the chart is drawn from the same figures, with the payback year marked
    const chart = JSON.parse(/<script type="application\/json" id="chart-cash-alt3-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as { datasets: { data: number[] }[]; payback: { index: number } };
    expect(chart.datasets[0]!.data.map(Math.round)).toEqual([1600, 1696, 1789]);
    expect(chart.datasets[1]!.data.map(Math.round)).toEqual([1000, 1481, 1943]);
    expect(chart.payback.index).toBe(2);
  });

  it("shows net savings, simple payback, SIR, AIRR and the break-even carbon price against the baseline, each undefined one as its reason", async () => {
    const { html } = await client.get(`/cases/${caseId}/finance?seed=42`);
    const rows = tableRows(html, "cap-measures");
    // operating savings ΔS = (480.77 + 462.28) − (96.15 + 92.46) = 754.44 for both B and C
    // B: ΔI = 2 000 − 1 000 = 1 000; NS = 1 943.05 − 2 188.61 = −245.56; SIR = 754.44 / 1 000 = 0.75;
    //    AIRR = 1.04 × √0.754438 − 1 = 1.04 × 0.868584 − 1 = −9.67 %;
    //    discounted tonnes A = 2/1.04 + 2/1.0816 = 3.772189, B = 0.4/1.04 + 0.4/1.0816 = 0.754438;
    //    break-even = 245.56 / (3.772189 − 0.754438) = 245.56 / 3.017751 = 81.37 NOK per tonne
    const b = rows.find((r) => r[0] === "Varmepumpe")!;
    expect(b.slice(0, 8)).toEqual(["Varmepumpe", kr(1000), kr(754.44), `${MINUS}246`, "betaler seg ikke tilbake innen perioden", "0,75", `${MINUS}9,67${NBSP}%`, expect.stringMatching(/^81\b/)]);
    // C: ΔI = 600; NS = 1 943.05 − 1 788.61 = 154.44; simple payback: undiscounted 1 800 ≤ 2 000 in year 2 (1 700 > 1 500 in year 1);
    //    SIR = 754.44 / 600 = 1.26; AIRR = 1.04 × √1.257396 − 1 = 1.04 × 1.121337 − 1 = 16.62 %; it avoids no tonnes
    const c = rows.find((r) => r[0] === "Ny kjel")!;
    expect(c.slice(0, 8)).toEqual(["Ny kjel", kr(600), kr(754.44), kr(154.44), "år 2 (2028)", "1,26", `16,62${NBSP}%`, "ikke definert: alternativet gir ikke lavere utslipp enn referansealternativet"]);
    // the R-109 path of the factor set beside it, for each year of the period
    expect(tableRows(html, "cap-path").map((r) => r[0])).toEqual(["år 0 (2026)", "år 1 (2027)", "år 2 (2028)"]);
    // under the table: the budget boxes split by year, the measures by kind of cost; the two kroner-per-tonne figures
    expect(text(html)).toContain("Investerings- og driftsbudsjettet over deler kostnadene etter år: investering er år 0, drift årene etter.");
    expect(text(html)).toContain("tiltakskosten deler kostnadsforskjellen på udiskonterte tonn, karbonprisen for lik kostnad diskonterer tonnene som kostnadene.");
    const en = tableRows((await client.get(`/cases/${caseId}/finance?seed=42&lang=en`)).html, "cap-measures");
    expect(en.find((r) => r[0] === "Ny kjel")![7]).toBe("not defined: the alternative does not emit less than the baseline");
    expect(en.find((r) => r[0] === "Varmepumpe")![6]).toBe(`-9.67%`);
  });

  it("gives no constant path price where the alternative emits more in one year and less in another, but the path's value of the avoided tonnes in kroner", async () => {
    // B: 3 000 kg for making the heat pump in year 0 and 400 a year: ΔT = [2 − 3.4, 1.6, 1.6] = [−1.4, 1.6, 1.6] t;
    // at the path's prices the avoided carbon is worth Σ p_t ΔT_t / D_t, which the sentence gives; a weighted "average price" would leave the path
    const mixed = { ...SMALL, alternatives: [SMALL.alternatives[0], { ...SMALL.alternatives[1], emissions: [...SMALL.alternatives[1]!.emissions, { label: "Produksjon", kind: "fixed", factor: { value: 1, unit: "kgCO2e/unit" }, quantity: "3000 unit" }] }] };
    const id = (await server.store.cases.create(mixed)).id;
    const b = tableRows((await client.get(`/cases/${id}/finance?seed=1`)).html, "cap-measures").find((r) => r[0] === "Varmepumpe")!;
    expect(b.at(-2)).toMatch(/verdien av de sparte utslippene etter R-109-banen dekker (ikke )?merkostnaden/);
    expect(b.at(-1)).toMatch(/^ingen fast pris: alternativet slipper ut mer enn referansealternativet noen år og mindre andre år; etter R-109-banen er de sparte utslippene verdt −?[\d\u00a0]+ kr i nåverdi$/);
  });

  it("says the R-109 path is held flat after its last year only where the case's years run past it", async () => {
    // SMALL ends in 2028, before the path's last year (2030); the same case over 6 years ends in 2032
    expect(text((await client.get(`/cases/${caseId}/finance?seed=1`)).html)).not.toMatch(/år etter \d{4} får prisen for/);
    const longer = (await server.store.cases.create({ ...SMALL, analysis: { ...SMALL.analysis, years: 6 } })).id;
    expect(text((await client.get(`/cases/${longer}/finance?seed=1`)).html)).toMatch(/Banen oppgir priser for \d{4}–2030; år etter 2030 får prisen for 2030\./);
  });

  it("shows the tornado of B − A with every input's low and high end, and the switching values in words", async () => {
    const { html } = await client.get(`/cases/${caseId}/finance?a=A&b=B&percent=10&seed=42`);
    // as the case stands: B − A = 2 188.61 − 1 943.05 = 245.56 kr; 2 × 400 − 2 × 2 000 = −3 200 kg
    expect(text(html)).toContain(`Slik saken står: Varmepumpe minus Gammel kjel er 246 kr i livssykluskostnad og ${MINUS}3,20 t CO2e.`);
    const rows = tableRows(html, "cap-tornado");
    // B's energy, 100 a year ± 10 %: its present value 188.61 moves by ± 18.86 → 226.70 and 264.42
    expect(rows.find((r) => r[0] === "Kostnad: Strøm (Varmepumpe)")!.slice(1, 5)).toEqual(["90 kr – 100 kr – 110 kr", "valgt av brukeren", "227", "264"]);
    // a cost moves no CO2e: the emissions chart leaves it out (the table keeps it), the cost chart has it
    const chartLabels = (id: string) => (JSON.parse(text(/<script type="application\/json" id="([^"]+)">([\s\S]*?)<\/script>/g.exec(html.slice(html.indexOf(`id="${id}"`) - 40))![2]!)) as { labels: string[][] }).labels.map((l) => l.join(" "));
    expect(chartLabels("chart-tornado-kg-data").filter((l) => l.startsWith("Kostnad"))).toEqual([]);
    expect(chartLabels("chart-tornado-lcc-data")).toContain("Kostnad: Strøm (Varmepumpe)");
    // A's energy, 500 a year ± 10 %: 943.05 moves by ± 94.30, and B − A the other way → 339.87 and 151.26
    expect(rows.find((r) => r[0] === "Kostnad: Strøm (Gammel kjel)")!.slice(3, 5)).toEqual(["340", "151"]);
    // B's own factor (inline, so the product-specific default: log-normal, GSD 1.0395) at its 2.5 % and 97.5 % points:
    // 1.0395^∓1.96 = 0.9269 and 1.0789; B's 800 kg → 741.5 and 863.1 kg; B − A = −3 258.5 and −3 136.9 kg, the cost untouched (246)
    expect(rows.find((r) => r[0] === "Utslippsfaktor: Drift (Varmepumpe)")!.slice(2)).toEqual(["standardverdi", "246", "246", `${MINUS}3,26`, `${MINUS}3,14`]);
    // the default's source is cited under the table
    expect(text(html)).toMatch(/Kilder til spennene for utslippsfaktorene \(en standardverdi er merket som det i tabellen\): Standardspennene følger pedigree-metoden i ecoinvent Centre, [^<]*tabell 10\.5 \(usikkerhetsfaktorene i pedigree-matrisen/);
    // A stays cheaper until its energy x a year makes 1 000 + 1.886095 x = 2 188.61: x = 1 188.61 / 1.886095 = 630.20
    expect(text(html)).toContain("Gammel kjel er fortsatt billigere enn Varmepumpe med mindre kostnaden «Strøm (Gammel kjel)» blir høyere enn 630 kr.");
    const en = text((await client.get(`/cases/${caseId}/finance?a=A&b=B&percent=10&seed=42&lang=en`)).html);
    expect(en).toContain("Gammel kjel stays cheaper than Varmepumpe unless the cost “Strøm (Gammel kjel)” exceeds NOK 630.");
  });

  it("repeats a Monte Carlo run from its seed, and draws and shows a seed when none is given", async () => {
    const first = await client.get(`/cases/${caseId}/finance?seed=42`);
    const again = await client.get(`/cases/${caseId}/finance?seed=42`);
    expect(text(first.html)).toContain(`2${NBSP}000 trekk med startverdi 42.`);
    const table = tableRows(first.html, "cap-percentiles");
    expect(table).toHaveLength(3);
    expect(tableRows(again.html, "cap-percentiles")).toEqual(table);
    // B's 400 kg a year against A's 2 000: its inline factor's default range (log-normal, GSD about 1.04) never
    // brings it near A's, so it has less CO2e in every draw
    const beats = tableRows(first.html, "cap-beats");
    expect(beats.find((r) => r[0] === "Varmepumpe")![1]).toBe(`100${NBSP}%`);

    // without a seed: a 303 to the same address, the values as typed and the language kept, a drawn seed added
    const asked = await client.get(`/cases/${caseId}/finance?percent=10&lang=nb`);
    expect(asked.res.status).toBe(303);
    const location = asked.res.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^/cases/${caseId}/finance\\?percent=10&lang=nb&seed=\\d+$`));
    const drawn = await client.get(location);
    expect(drawn.res.status).toBe(200);
    const seed = /trekk med startverdi (\d+)\./.exec(text(drawn.html))![1]!;
    const link = /<a href="([^"]+)">Lenke som gjentar akkurat denne beregningen<\/a>/.exec(drawn.html)![1]!.replace(/&amp;/g, "&").replace(/&#x3D;/g, "=");
    expect(link).toContain(`seed=${seed}`);
    const repeated = await client.get(link);
    expect(tableRows(repeated.html, "cap-percentiles")).toEqual(tableRows(drawn.html, "cap-percentiles"));
    expect(location).toContain(`seed=${seed}`);
    // an empty seed field ("new draws") is replaced where it stood
    const emptied = (await client.get(`/cases/${caseId}/finance?samples=100&seed=&percent=10`)).res;
    expect(emptied.status).toBe(303);
    expect(emptied.headers.get("location")).toMatch(/\?samples=100&seed=\d+&percent=10$/);
  });

  it("says a seed must be a whole number when a decimal is typed", async () => {
    const { res, html } = await client.get(`/cases/${caseId}/finance?seed=1.5`);
    expect(res.status).toBe(400);
    expect(text(html)).toContain(`må være et heltall fra 0 til 2${NBSP}147${NBSP}483${NBSP}647`);
    expect(text(html)).not.toContain("skriv «1,5»");
    // the figures beside it are drawn from 0, the same on every reload
    expect(text(html)).toMatch(/trekk med startverdi 0\./);
    expect(text((await client.get(`/cases/${caseId}/finance?seed=1.5`)).html)).toBe(text(html));
  });
});

describe("a refused query", () => {
  it("is a 400 page naming each field and why, in the user's language, with what was typed still in the form", async () => {
    const { res, html } = await client.get(`/cases/${caseId}/finance?percent=60&samples=50&seed=abc&a=Z&b=A`);
    expect(res.status).toBe(400);
    const summary = text(html.slice(html.indexOf('class="error-summary"'), html.indexOf("</div>", html.indexOf('class="error-summary"'))));
    expect(summary).toContain("Variasjon, ± %: må være mellom 1 og 50");
    expect(summary).toContain(`Antall trekk: må være et heltall fra 100 til 20${NBSP}000`);
    expect(summary).toContain("Startverdi for trekkene (seed): «abc» er ikke et tall");
    expect(summary).toContain("Alternativ A: «Z» er ikke et alternativ i saken");
    expect(html).toMatch(/<input id="finance-percent" name="percent" type="text" value="60"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/<input id="finance-seed" name="seed" type="text" value="abc"/);
    // the figures are still there, worked out with the refused fields' defaults (±10 % is the default ± for costs)
    expect(text(html)).toContain("Tallene under er beregnet med standardverdien for de feltene");
    expect(tableRows(html, "cap-cash-alt3")[0]).toEqual(["år 0 (2026)", kr(1600), kr(1600), kr(1600), kr(1600), kr(1000)]);
    expect(html).toContain('<caption id="cap-percentiles">');
    // with no pair chosen, the form offers the default one (so sending it again does not choose one alternative twice)
    const unchosen = (await client.get(`/cases/${caseId}/finance?percent=0&seed=1`)).html;
    const selected = (name: string) => /<option value="([^"]*)" selected>/.exec(new RegExp(`<select id="finance-${name}"[\\s\\S]*?</select>`).exec(unchosen)![0])?.[1];
    expect(selected("a")).toBe("A");
    expect(selected("b")).not.toBe("A");

    const same = await client.get(`/cases/${caseId}/finance?a=A&b=A&seed=1&lang=en`);
    expect(same.res.status).toBe(400);
    expect(text(same.html)).toContain("Alternative B (compared with A): choose an alternative other than A");
    const en = await client.get(`/cases/${caseId}/finance?costPercent=51&seed=1&lang=en`);
    expect(text(en.html)).toContain("Uncertainty of the costs, ± %: must be between 0 and 50");
  });
});

describe("who may see it", () => {
  it("answers 404 for another organisation's case, and the finance role may read its own", async () => {
    const elsewhere = await server.createOrganisation("Annenkommune");
    const stranger = await server.clientAs("finance", { organisationId: elsewhere });
    expect((await stranger.get(`/cases/${caseId}/finance`)).res.status).toBe(404);
    const officer = await server.clientAs("finance");
    expect((await officer.get(`/cases/${caseId}/finance?seed=1`)).res.status).toBe(200);
  });
});
