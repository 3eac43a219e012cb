/**
 * The ledger pages over HTTP, on a real server: the head of a Windows-1252
 * ledger with `;` inspected, the file streamed in as a raw body and as a
 * multipart form, the summary's counts and the broken line's number, a
 * re-import that adds nothing, the refusals (a buyer, a missing CSRF
 * token, a file that is no ledger, columns that cannot be read, a body
 * over the limit, a second import while one is under way), and an
 * adviser's rule that maps an unmapped account and so changes the
 * screening.
 */
import ExcelJS from "exceljs";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestClient, type TestServer } from "./harness.js";

let server: TestServer;
let adviser: TestClient;

/** Four lines after the header: line 4's amount cannot be read; account 195 has no default mapping; 010 (pay) is out of scope. */
const LEDGER_TEXT = [
  "År;Bilagsdato;Art;Funksjon;Leverandørnavn;Org.nr;Tekst;Beløp",
  "2024;15.03.2024;120;201;Kontorrekvisita Ålesund AS;945678901;Kontorrekvisita;12 345,50",
  "2024;16.03.2024;195;201;Lisensbutikken AS;912345678;Lisenser til læremidler;1 000,00",
  "2024;17.03.2024;120;202;Bærum Renhold AS;912345678;Rengjøring;tolv kroner",
  "2024;18.03.2024;010;120;;;Fastlønn;50 000,00",
].join("\r\n");
/** Windows-1252 as Norwegian Excel writes it: æ, ø and å are one byte each (the same bytes as Latin-1). */
const LEDGER = Buffer.from(`${LEDGER_TEXT}\r\n`, "latin1");
const COLUMNS = { year: "År", date: "Bilagsdato", account: "Art", function: "Funksjon", supplierName: "Leverandørnavn", orgNumber: "Org.nr", description: "Tekst", amount: "Beløp" };

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  adviser = await server.clientAs("adviser");
  await adviser.get("/climate/ledgers");
});
afterAll(async () => {
  await server?.close();
});

function inspect(client: TestClient, body: Buffer, name = "reskontro.csv", token = client.csrfToken) {
  return client.request(`/climate/ledgers/inspect?name=${encodeURIComponent(name)}`, { method: "POST", body: new Uint8Array(body), headers: { "content-type": "application/octet-stream", "x-csrf-token": token, accept: "application/json" } });
}

function upload(client: TestClient, body: Buffer, options: { name?: string; columns?: object | null; token?: string | null; type?: string } = {}) {
  const columns = options.columns === null ? "" : `&columns=${encodeURIComponent(JSON.stringify(options.columns ?? COLUMNS))}`;
  const headers: Record<string, string> = { "content-type": options.type ?? "text/csv", accept: "application/json" };
  if (options.token !== null) headers["x-csrf-token"] = options.token ?? client.csrfToken;
  return client.request(`/climate/ledgers/upload?name=${encodeURIComponent(options.name ?? "reskontro.csv")}${columns}`, { method: "POST", body: new Uint8Array(body), headers });
}

/** The text of a table's body rows, one string per row, by the table's id (no-break spaces kept, as the page writes numbers with them). */
function rowsOf(html: string, id: string): string[] {
  const table = new RegExp(`<table[^>]*id="${id}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? "";
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, " ").replace(/[ \t\r\n]+/g, " ").trim());
}

describe("importing a ledger", () => {
  it("inspects the head of a Windows-1252 file with ; and offers its columns", async () => {
    const res = await inspect(adviser, LEDGER);
    expect(res.status).toBe(200);
    const found = (await res.json()) as { format: { encoding: string; delimiter: string; kind: string }; headers: string[]; suggested: Record<string, string>; remembered: unknown };
    expect(found.format).toEqual({ encoding: "windows-1252", delimiter: ";", kind: "csv" });
    expect(found.headers).toEqual(["År", "Bilagsdato", "Art", "Funksjon", "Leverandørnavn", "Org.nr", "Tekst", "Beløp"]);
    expect(found.suggested).toMatchObject({ account: "Art", amount: "Beløp", year: "År" });
    expect(found.remembered).toBeNull();
  });

  it("streams the file in and sums it up: 4 lines read, 3 imported, line 4 broken with the text found", async () => {
    const res = await upload(adviser, LEDGER);
    expect(res.status).toBe(200);
    const summary = (await res.json()) as { href: string; read: number; imported: number; duplicates: number; broken: number };
    expect(summary).toMatchObject({ read: 4, imported: 3, duplicates: 0, broken: 1 });
    const { res: page, html } = await adviser.get(summary.href);
    expect(page.status).toBe(200);
    expect(html).toMatch(/data-figure="read"><dt>[^<]+<\/dt><dd>4</);
    expect(html).toMatch(/data-figure="imported"><dt>[^<]+<\/dt><dd>3</);
    expect(html).toMatch(/data-figure="broken"><dt>[^<]+<\/dt><dd>1</);
    const broken = rowsOf(html, "broken-lines");
    expect(broken).toHaveLength(1);
    // the header is line 1, so the third line after it is line 4
    expect(broken[0]).toMatch(/^4 /);
    expect(broken[0]).toContain("tolv kroner");
    // the columns chosen are remembered for files with the same headers
    const again = (await (await inspect(adviser, LEDGER)).json()) as { remembered: Record<string, string> };
    expect(again.remembered).toEqual(COLUMNS);
  });

  it("imports nothing twice: the same file again skips every line as already imported", async () => {
    const res = await upload(adviser, LEDGER, { name: "reskontro-igjen.csv" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ read: 4, imported: 0, duplicates: 3, broken: 1 });
    const { html } = await adviser.get("/climate/ledgers");
    expect(html).toContain("reskontro-igjen.csv");
  });

  it("takes an Excel workbook, whose columns are suggested from its headers while it is read", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Reskontro");
    sheet.addRow(["År", "Art", "Leverandørnavn", "Beløp"]);
    sheet.addRow([2025, "120", "Kontorrekvisita Ålesund AS", 2500.5]);
    sheet.addRow([2025, "195", "Lisensbutikken AS", 400]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const inspected = (await (await inspect(adviser, xlsx, "reskontro.xlsx")).json()) as { format: { kind: string }; headers: string[] };
    // a workbook's headers are in its last parts: the page imports it with the remembered or suggested columns
    expect(inspected.format.kind).toBe("xlsx");
    const res = await upload(adviser, xlsx, { name: "reskontro.xlsx", columns: null, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ read: 2, imported: 2, broken: 0 });
  });

  it("takes the file as a multipart form without JavaScript, the token before the file, and shows the summary", async () => {
    const form = new FormData();
    form.set("_csrf", adviser.csrfToken);
    form.set("file", new Blob([LEDGER], { type: "text/csv" }), "uten-skript.csv");
    const res = await adviser.request("/climate/ledgers", { method: "POST", body: form });
    expect(res.status).toBe(303);
    const { html } = await adviser.get(res.headers.get("location")!);
    expect(html).toContain("uten-skript.csv");
    expect(html).toMatch(/data-figure="duplicates"><dt>[^<]+<\/dt><dd>3</);
  });

  it("shows the column step with the problem beside the field when a form's columns cannot be read", async () => {
    const form = new FormData();
    form.set("_csrf", adviser.csrfToken);
    form.set("columns", "chosen");
    form.set("col-year", "År");
    form.set("col-amount", "Beløp");
    form.set("file", new Blob([LEDGER], { type: "text/csv" }), "uten-konto.csv");
    const res = await adviser.request("/climate/ledgers", { method: "POST", body: form });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<select id="col-account" name="col-account" aria-describedby="col-account-requirement col-account-error" aria-invalid="true">/);
    expect(html).toContain('id="col-account-error">velg kolonnen som har dette feltet<');
    // the file's own headers are offered, and what was chosen is kept
    expect(html).toMatch(/<select id="col-amount"[^>]*>[\s\S]*?<option value="Beløp" selected>Beløp<\/option>/);
  });

  it("refuses a file that is no ledger with a clear message at the file (400)", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
    const inspected = await inspect(adviser, png, "bilde.png");
    expect(inspected.status).toBe(400);
    const answer = (await inspected.json()) as { errors: { path: string; message: string }[] };
    expect(answer.errors[0]).toMatchObject({ path: "file" });
    expect(answer.errors[0]!.message).toMatch(/kan ikke leses som CSV eller Excel/);
    const uploaded = await upload(adviser, png, { name: "bilde.png", columns: null });
    expect(uploaded.status).toBe(400);
    expect(((await uploaded.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe("file");
  });

  it("refuses a body declared larger than the limit before reading it (413, saying the limit)", async () => {
    const url = new URL(adviser.base);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: "/climate/ledgers/upload?name=stor.csv", method: "POST", headers: { cookie: adviser.cookie, "x-csrf-token": adviser.csrfToken, "content-type": "text/csv", accept: "application/json", "content-length": String(600 * 1024 * 1024) } });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.write(LEDGER);
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("500 MB");
  });

  it("answers a form declared larger than the limit with the page again, the limit beside the file (413)", async () => {
    const url = new URL(adviser.base);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: "/climate/ledgers", method: "POST", headers: { cookie: adviser.cookie, "content-type": "multipart/form-data; boundary=xyz", "content-length": String(600 * 1024 * 1024) } });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.write(`--xyz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${adviser.csrfToken}\r\n`);
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('id="ledger-file-error">Filen er større enn grensen på 500 MB. Ingenting er importert.<');
  });

  it("leaves nothing behind when the browser breaks off an upload, and the next import goes through", async () => {
    const url = new URL(adviser.base);
    await new Promise<void>((resolve) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: "/climate/ledgers/upload?name=avbrutt.csv", method: "POST", headers: { cookie: adviser.cookie, "x-csrf-token": adviser.csrfToken, "content-type": "text/csv", accept: "application/json", "content-length": String(LEDGER.length * 1000) } });
      req.on("error", () => resolve());
      req.write(LEDGER);
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 300);
    });
    // the broken-off import is abandoned (its lock released) shortly after: a new one is taken, not refused as running
    let status = 0;
    await expect.poll(async () => (status = status === 200 ? 200 : (await upload(adviser, LEDGER, { name: "etter-avbrudd.csv" })).status), { timeout: 5_000 }).toBe(200);
    const { html } = await adviser.get("/climate/ledgers");
    expect(html).not.toContain("avbrutt.csv");
    expect(html).toContain("etter-avbrudd.csv");
  });

  it("refuses a buyer (403) and a request without the CSRF token (403); nothing is imported", async () => {
    const buyer = await server.clientAs("buyer");
    const { res: page, html } = await buyer.get("/climate/ledgers");
    expect(page.status).toBe(200);
    expect(html).not.toContain('id="ledger-upload"');
    expect((await upload(buyer, LEDGER)).status).toBe(403);
    expect((await inspect(buyer, LEDGER)).status).toBe(403);
    expect((await upload(adviser, LEDGER, { token: null })).status).toBe(403);
    expect((await upload(adviser, LEDGER, { token: "not-the-token" })).status).toBe(403);
    const form = new FormData();
    form.set("file", new Blob([LEDGER], { type: "text/csv" }), "uten-token.csv");
    expect((await adviser.request("/climate/ledgers", { method: "POST", body: form })).status).toBe(403);
    const { html: list } = await adviser.get("/climate/ledgers");
    expect(list).not.toContain("uten-token.csv");
    expect(rowsOf(list, "ledger-imports")).toHaveLength(5);
  });
});

describe("mapping an unmapped account", () => {
  it("changes the screening: account 195 leaves the unmapped list and its spend counts", async () => {
    const before = await adviser.get("/climate/screening");
    expect(before.res.status).toBe(200);
    // account 195: a line of 1 000,00 kr from the CSV and one of 400 from the workbook, written the Norwegian way (a no-break space between the groups)
    expect(rowsOf(before.html, "unmapped-accounts")).toContain("195 2 1\u00a0400 Kartlegg");
    // every figure of the tables is written out (a dash stands for a figure that could not be shown)
    expect(before.html).not.toMatch(/<td class="num">–<\/td>/);
    // the factor set and the start of its checksum; the whole checksum behind a disclosure, not in the main text
    expect(before.html).toMatch(/Faktorsett \d{4}-\d+, sjekksum [0-9a-f]{12} …</);
    expect(before.html).toMatch(/<details><summary>Hele sjekksummen \(SHA-256\)<\/summary><code class="hash">sha256:[0-9a-f]{64}<\/code><\/details>/);
    // the share of spend mapped says its base, and the spend out of scope stands beside the total
    expect(before.html).toMatch(/data-figure="mapped-share"><dt>[^<]+<\/dt><dd>[^<]+ <span class="figure-base">av innkjøpene, utenfor omfang ikke medregnet<\/span>/);
    expect(before.html).toMatch(/data-figure="out-of-scope-spend"><dt>Utgifter utenfor omfang<\/dt><dd>50\u00a0000 kr</);
    // no credit note among the lines: the plural form, and the function column says whose codes these are
    expect(before.html).toContain("0 kreditnotaer");
    expect(before.html).toContain('<th scope="col">Funksjon (KOSTRA)</th>');
    // one table per heading, named by it: no caption repeats a heading, and the categories are not shown twice
    expect(before.html).not.toContain("<caption");
    expect(before.html).not.toContain("Største kategorier");
    expect(before.html.match(/Utslipp etter innkjøpskategori/g)).toHaveLength(1);
    expect(before.html).toContain('<table class="data screening-table" id="by-category" aria-labelledby="hot-categories-heading">');
    // the "map" link carries the account to the form
    expect(before.html.replaceAll("&#x3D;", "=")).toContain('href="/climate/mapping?account=195#new-rule"');
    // the shared Klimanøytral 2027 navigation, the screening marked
    expect(before.html).toMatch(/<nav class="climate-subnav[^"]*" aria-label="Klima 2027">[\s\S]*href="\/climate\/plan"[\s\S]*href="\/climate\/decisions"[\s\S]*<a href="\/climate\/screening" aria-current="page">Screening<\/a>/);
    const shareBefore = /data-figure="mapped-share"><dt>[^<]+<\/dt><dd>([^<]+)</.exec(before.html)![1];

    const { html: mappingPage } = await adviser.get("/climate/mapping?account=195");
    expect(mappingPage).toMatch(/<input id="rule-value" name="value" type="text" value="195"/);
    expect(mappingPage).toMatch(/<option value="account" selected>/);
    // the form takes the focus, so the adviser lands where the account is to be mapped
    expect(mappingPage).toContain('<h2 id="new-rule" tabindex="-1" autofocus>');
    // the default mapping's source in plain words, no repository file or JSON key; its table stacks on a narrow screen
    expect(mappingPage).toContain("Kilde: artene i KOSTRA-kontoplanen slik SSB og departementet publiserer dem; utslippsfaktorer: EXIOBASE 3.8.2, Norge (CC BY-SA 4.0).");
    expect(mappingPage).not.toMatch(/KommuneKostraMain|kostra-kontrollprogram|'sources'/);
    expect(mappingPage).toMatch(/<table class="data stacked" id="default-mapping">[\s\S]*<td data-label="Kontonavn">/);
    expect(mappingPage).toMatch(/<h1>Kontokobling<\/h1>\s*<nav class="climate-subnav[\s\S]*<a href="\/climate\/mapping" aria-current="page">Kontokobling<\/a>/);
    const { html: english } = await adviser.get("/climate/mapping?lang=en");
    expect(english).toContain("Source: the arter of the KOSTRA chart of accounts as Statistics Norway (SSB) and the ministry publish them");
    const version = /name="version" value="(\d+)"/.exec(mappingPage)![1]!;

    // a rule without a category is refused beside the field, everything typed kept
    const refused = await adviser.postForm("/climate/mapping/rules", { version, kind: "account", value: "195", target: "spend.p74-other-business-services", category: "", reason: "Lisenser og gebyrer" });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('id="rule-category-error">velg innkjøpskategorien linjene hører til<');
    expect(refusedHtml).toContain('value="Lisenser og gebyrer"');

    const saved = await adviser.postForm("/climate/mapping/rules", { version, kind: "account", value: "195", target: "spend.p74-other-business-services", category: "services", reason: "Lisenser og gebyrer" });
    expect(saved.status).toBe(303);
    const after = await adviser.get("/climate/screening");
    expect(rowsOf(after.html, "unmapped-accounts").some((row) => row.startsWith("195 "))).toBe(false);
    const shareAfter = /data-figure="mapped-share"><dt>[^<]+<\/dt><dd>([^<]+)</.exec(after.html)![1];
    expect(shareAfter).not.toBe(shareBefore);
    const { html: rules } = await adviser.get("/climate/mapping");
    expect(rowsOf(rules, "mapping-rules")[0]).toContain("Lisenser og gebyrer");
  });

  it("keeps the entry when someone else saved in between (409)", async () => {
    const stale = await adviser.postForm("/climate/mapping/rules", { version: "0", kind: "keyword", value: "lisens", target: "out-of-scope", category: "", reason: "Ikke et kjøp" });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('value="lisens"');
  });
});

describe("deleting an import", () => {
  it("asks first, then removes the import and its lines; a buyer may not", async () => {
    const { html } = await adviser.get("/climate/ledgers");
    const id = /href="\/climate\/ledgers\/imports\/([^"/]+)\/delete"/.exec(html)![1]!;
    const buyer = await server.clientAs("buyer");
    await buyer.get("/climate/ledgers");
    expect((await buyer.get(`/climate/ledgers/imports/${id}/delete`)).res.status).toBe(403);
    expect((await buyer.postForm(`/climate/ledgers/imports/${id}/delete`, {})).status).toBe(403);

    const confirm = await adviser.get(`/climate/ledgers/imports/${id}/delete`);
    expect(confirm.res.status).toBe(200);
    expect(confirm.html).toContain(`action="/climate/ledgers/imports/${id}/delete"`);
    const removed = await adviser.postForm(`/climate/ledgers/imports/${id}/delete`, {});
    expect(removed.status).toBe(303);
    expect(removed.headers.get("location")).toBe("/climate/ledgers");
    expect((await adviser.get(`/climate/ledgers/imports/${id}`)).res.status).toBe(404);
    expect((await adviser.get("/climate/ledgers")).html).not.toContain(`/climate/ledgers/imports/${id}"`);
  });
});

describe("two imports at once", () => {
  it("refuses a second import of the organisation while one is under way (409, in both languages: the script, the form, the API)", async () => {
    const climate = server.store.scoped({ organisationId: server.organisationId, actor: { userId: server.admin.userId, via: "web" } }).climate;
    const running = await climate.beginImport("annen.csv");
    if (!running.ok) throw new Error(`import refused: ${running.reason}`);
    try {
      const script = await upload(adviser, LEDGER, { name: "samtidig.csv" });
      expect(script.status).toBe(409);
      expect(await script.json()).toEqual({ errors: [{ path: "file", code: "import-running", message: "Et annet regnskap importeres nå; prøv igjen når det er ferdig." }] });

      const form = new FormData();
      form.set("_csrf", adviser.csrfToken);
      form.set("file", new Blob([LEDGER], { type: "text/csv" }), "samtidig.csv");
      const page = await adviser.request("/climate/ledgers", { method: "POST", body: form });
      expect(page.status).toBe(409);
      expect(await page.text()).toContain("Et annet regnskap importeres nå; prøv igjen når det er ferdig.");

      const api = await fetch(`${server.publicUrl}/api/v1/climate/ledgers?name=samtidig.csv`, { method: "POST", headers: { authorization: `Bearer ${server.token}`, "content-type": "text/csv", "accept-language": "en" }, body: new Uint8Array(LEDGER) });
      expect(api.status).toBe(409);
      expect(((await api.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe("Another ledger is being imported; try again when it is done.");
    } finally {
      await climate.abandonImport(running.importId);
    }
    // once it is over, the next import goes through
    expect((await upload(adviser, LEDGER, { name: "etterpå.csv" })).status).toBe(200);
  });
});
