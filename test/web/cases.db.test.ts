import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, TestClient, type TestServer } from "./harness.js";

let server: TestServer;
const doc = (title: string) => ({ schema: "kalkyle.case/1", title, analysis: { startYear: 2026, years: 10 }, alternatives: [{ id: "A", name: "Alt A" }] });

beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(async () => server.close());

describe("case list", () => {
  it("lists the saved cases and finds them by search", async () => {
    await server.store.cases.create(doc("Kontorstoler rådhuset"));
    await server.store.cases.create(doc("Gatelys Strømmen"));
    const client = new TestClient(server.url);
    const all = await client.get("/");
    expect(all.res.status).toBe(200);
    expect(all.html).toContain("Kontorstoler rådhuset");
    expect(all.html).toContain("Gatelys Strømmen");
    const found = await client.get("/?q=gatelys");
    expect(found.html).toContain("Gatelys Strømmen");
    expect(found.html).not.toContain("Kontorstoler rådhuset");
  });

  it("duplicates a case as a copy with its own id", async () => {
    const original = await server.store.cases.create(doc("Matlevering"));
    const client = new TestClient(server.url);
    await client.get("/");
    const res = await client.postForm(`/cases/${original.id}/duplicate`, {});
    expect(res.status).toBe(303);
    const copyId = /\/cases\/([^/]+)\/edit/.exec(res.headers.get("location") ?? "")![1]!;
    expect(copyId).not.toBe(original.id);
    expect((await server.store.cases.get(copyId))?.title).toBe("Matlevering (kopi)");
  });

  it("deletes only after the confirmation form", async () => {
    const target = await server.store.cases.create(doc("Slett meg"));
    const client = new TestClient(server.url);
    const confirm = await client.get(`/cases/${target.id}/delete`);
    expect(confirm.html).toContain("Slett meg");
    expect(await server.store.cases.get(target.id)).not.toBeNull();
    const res = await client.postForm(`/cases/${target.id}/delete`, {});
    expect(res.status).toBe(303);
    expect(await server.store.cases.get(target.id)).toBeNull();
    expect((await client.postForm(`/cases/${target.id}/delete`, {})).status).toBe(404);
  });

  it("refuses a delete without the CSRF token", async () => {
    const target = await server.store.cases.create(doc("Beskyttet"));
    const client = new TestClient(server.url);
    await client.get("/");
    const res = await client.postForm(`/cases/${target.id}/delete`, { _csrf: "wrong" });
    expect(res.status).toBe(403);
    expect(await server.store.cases.get(target.id)).not.toBeNull();
  });

  it("switches the language and keeps it for the browser", async () => {
    const client = new TestClient(server.url);
    expect((await client.get("/")).html).toContain('<html lang="nb">');
    const res = await client.postForm("/lang", { lang: "en", returnTo: "/?q=x" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/?q=x");
    const page = await client.get("/");
    expect(page.html).toContain('<html lang="en">');
    expect(page.html).toContain("Cases");
  });

  it("never redirects to another site after the language switch", async () => {
    const client = new TestClient(server.url);
    await client.get("/");
    const res = await client.postForm("/lang", { lang: "en", returnTo: "//evil.example/" });
    expect(res.headers.get("location")).toBe("/");
  });

  it("escapes a hostile title in the list", async () => {
    await server.store.cases.create(doc('"><img src=x onerror="window.__xss=1">'));
    const { html } = await new TestClient(server.url).get("/");
    expect(html).not.toContain('<img src=x onerror="window.__xss=1">');
    expect(html).toContain("&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;&quot;window.__xss&#x3D;1&quot;&gt;");
  });
});

describe("case list pages", () => {
  it("shows 50 cases a page, newest first, with links to the other pages that keep the search", async () => {
    const local = await startTestServer({ seed: false });
    try {
      for (let n = 0; n < 120; n++) await local.store.cases.create(doc(`Innkjøp ${String(n).padStart(3, "0")}`));
      const client = new TestClient(local.url);
      const first = await client.get("/?q=Innkj%C3%B8p");
      expect(first.html.match(/<th scope="row">/g)).toHaveLength(50);
      expect(first.html).toContain("Side 1 av 3");
      const decoded = first.html.replace(/&#x3D;/g, "=").replace(/&amp;/g, "&");
      expect(decoded).toContain('href="/?q=Innkj%C3%B8p&page=2" rel="next"');
      const third = await client.get("/?q=Innkj%C3%B8p&page=3");
      expect(third.html.match(/<th scope="row">/g)).toHaveLength(20);
      expect(third.html).toContain("Innkjøp 000");
      expect(third.html).not.toContain('rel="next"');
      expect((await client.get("/?page=-1")).res.status).toBe(200);
    } finally {
      await local.close();
    }
  });
});
