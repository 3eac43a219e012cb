/**
 * Bids through the JSON API against a real server and SQLite: the
 * template downloaded, filled by the test and posted back as one new,
 * audited case version; every problem a 422 naming sheet and cell with
 * nothing kept; macros and external links refused; the wrong media type
 * 415, a body over the limit 413, another user's If-Match 409.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../src/app/principal.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { BASE_CASE, fill, supplierEntries } from "../bids/bid-fixture.js";
import { startTestServer, type TestServer } from "./harness.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const set = loadFactorLibrary().sets.get("2025-2")!;
type ApiError = { path: string; sheet: string; cell: string; code: string; message: string };

let server: TestServer;
let caseId = "";
let template: Buffer;

beforeAll(async () => {
  server = await startTestServer();
  const created = await fetch(`${server.url}/api/v1/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(BASE_CASE) });
  caseId = ((await created.json()) as { id: string }).id;
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const postBid = (body: Buffer | string, query = "", headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/v1/cases/${caseId}/bids${query}`, { method: "POST", headers: { "content-type": XLSX, ...headers }, body: typeof body === "string" ? body : new Uint8Array(body) });
const versionOf = async () => ((await (await fetch(`${server.url}/api/v1/cases/${caseId}`)).json()) as { version: number }).version;

/** A zip with one more part in it, as a workbook saved with macros or links would hold. */
async function withPart(bytes: Buffer, name: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(name, "x");
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("bids in the JSON API", () => {
  it("GET the template in each language, as an .xlsx download", async () => {
    const nb = await fetch(`${server.url}/api/v1/cases/${caseId}/bid-template.xlsx?lang=nb`);
    expect(nb.status).toBe(200);
    expect(nb.headers.get("content-type")).toBe(XLSX);
    expect(nb.headers.get("content-disposition")).toMatch(/^attachment; filename="tilbudsskjema-fasadeplater-storgata-skole\.xlsx"/);
    template = Buffer.from(await nb.arrayBuffer());
    const en = await fetch(`${server.url}/api/v1/cases/${caseId}/bid-template.xlsx`, { headers: { "accept-language": "en-GB" } });
    expect(en.headers.get("content-disposition")).toMatch(/filename="bid-form-/);
    expect((await fetch(`${server.url}/api/v1/cases/no-such-case/bid-template.xlsx`)).status).toBe(404);
  });

  it("a broken form: 422 with every problem at its sheet and cell, and the case unchanged", async () => {
    const entries = supplierEntries(set, "nb");
    entries.delivery = { ...entries.delivery, C4: -2 };
    const before = await versionOf();
    const res = await postBid(await fill(template, "nb", entries), "?lang=nb");
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as { errors: ApiError[] };
    expect(errors).toEqual([{ path: "Levering!C4", sheet: "Levering", cell: "C4", code: "not-whole", message: "Arket Levering, celle C4: antall turer må være et helt tall større enn eller lik 0" }]);
    expect(await versionOf()).toBe(before);
  });

  it("macros and external links are refused with a reason; the wrong type is 415, too large 413", async () => {
    const filled = await fill(template, "nb", supplierEntries(set, "nb"));
    const macros = await postBid(await withPart(filled, "xl/vbaProject.bin"));
    expect(macros.status).toBe(422);
    expect(((await macros.json()) as { errors: ApiError[] }).errors[0]).toMatchObject({ path: "(file)", code: "file-macros", message: "the file contains macros (xl/vbaProject.bin) and is refused; save it as a plain workbook (.xlsx) without macros" });
    const links = await postBid(await withPart(filled, "xl/externalLinks/externalLink1.xml"));
    expect(((await links.json()) as { errors: ApiError[] }).errors[0]!.code).toBe("file-external-links");
    const wrongType = await postBid("not a workbook", "?lang=nb", { "content-type": "application/json" });
    expect(wrongType.status).toBe(415);
    expect(JSON.stringify(await wrongType.json())).toContain("Send det utfylte tilbudsskjemaet som .xlsx-fil (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).");
    const wrongTypeEn = await postBid("not a workbook", "", { "content-type": "text/plain" });
    expect(wrongTypeEn.status).toBe(415);
    expect(JSON.stringify(await wrongTypeEn.json())).toContain("Send the filled bid form as an .xlsx file (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).");
    const empty = await postBid("", "?lang=nb");
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { errors: ApiError[] }).errors).toEqual([{ path: "(file)", sheet: "", cell: "", code: "file-missing", message: "ingen fil ble sendt: send det utfylte tilbudsskjemaet (.xlsx) som innhold" }]);
    const emptyEn = await fetch(`${server.url}/api/v1/cases/${caseId}/bids`, { method: "POST" });
    expect(emptyEn.status).toBe(400);
    expect(((await emptyEn.json()) as { errors: ApiError[] }).errors[0]!.message).toBe("no file was sent: send the filled bid form (.xlsx) as the body");
    const huge = await postBid(Buffer.alloc(5 * 1024 * 1024 + 10));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { errors: ApiError[] }).errors[0]!.code).toBe("file-too-large");
    const notZip = await postBid(Buffer.from("PK but not a zip"));
    expect(((await notZip.json()) as { errors: ApiError[] }).errors[0]!.code).toBe("file-not-xlsx");
  });

  it("a filled form: 201, one new version with the bid appended and audited; the same id again is a problem unless replacing", async () => {
    const before = await versionOf();
    const filled = await fill(template, "nb", supplierEntries(set, "nb"));
    expect((await postBid(filled, "", { "if-match": `"${before - 1}"` })).status).toBe(409);
    const res = await postBid(filled, "", { "if-match": `"${before}"` });
    expect(res.status).toBe(201);
    expect(res.headers.get("etag")).toBe(`"${before + 1}"`);
    const body = (await res.json()) as { alternativeId: string; replaced: boolean; case: { version: number; document: { alternatives: { id: string; emissions: { tier?: string }[] }[] } } };
    expect(body.alternativeId).toBe("C");
    expect(body.replaced).toBe(false);
    expect(body.case.document.alternatives.map((a) => a.id)).toEqual(["A", "B", "C"]);
    expect(body.case.document.alternatives[2]!.emissions.map((e) => e.tier)).toContain("epd-verified");
    const principal: Principal = { userId: server.admin.userId, organisationId: server.organisationId, role: "admin", via: "api" };
    const history = await server.ctx.app.cases.history(principal, caseId);
    expect(history.length).toBe(before + 1);

    const again = await postBid(filled);
    expect(again.status).toBe(422);
    expect(((await again.json()) as { errors: ApiError[] }).errors.map((e) => e.code)).toEqual(["id-exists"]);
    const replaced = await postBid(filled, "?replace=true");
    expect(replaced.status).toBe(201);
    expect(((await replaced.json()) as { replaced: boolean; case: { version: number } }).case.version).toBe(before + 2);
  });
});
