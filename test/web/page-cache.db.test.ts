/**
 * Comparison and report pages kept per case version (src/web/page-cache.ts)
 * against a real server: each session still gets its own CSRF token in a
 * kept page (and can post with it), another language or a new save is
 * another page, and the kept pages stay within their bound in bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPageCache } from "../../src/web/page-cache.js";
import { startTestServer, TestClient, type TestServer } from "./harness.js";
import { twoAlternativeCase } from "../support/two-alternatives.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(async () => {
  await server?.close();
});

const caseTitled = twoAlternativeCase;

async function createCase(title: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(caseTitled(title)) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const tokensIn = (html: string) => new Set([...html.matchAll(/name="_csrf" value="([^"]*)"/g)].map((m) => m[1]));

describe("pages kept per case version", () => {
  it("gives each session its own token in the same kept page, and the token works", async () => {
    const id = await createCase("Kontorstoler til rådhuset");
    const first = new TestClient(server.url);
    const second = new TestClient(server.url);
    await first.get("/");
    await second.get("/");
    const a = await first.get(`/cases/${id}`);
    const b = await second.get(`/cases/${id}`);
    expect([a.res.status, b.res.status]).toEqual([200, 200]);
    expect(a.res.headers.get("cache-control")).toBe("no-store");
    expect(first.csrfToken).not.toBe("");
    expect(first.csrfToken).not.toBe(second.csrfToken);
    expect(tokensIn(a.html)).toEqual(new Set([first.csrfToken]));
    expect(tokensIn(b.html)).toEqual(new Set([second.csrfToken]));
    // the pages are the same but for the token
    expect(a.html.replaceAll(first.csrfToken, "")).toBe(b.html.replaceAll(second.csrfToken, ""));
    // a form on the kept page posts with the token it carries
    const switched = await first.postForm("/lang", { lang: "en", returnTo: `/cases/${id}` });
    expect(switched.status).toBe(303);
  });

  it("shows another language and a new save as other pages, never the kept one", async () => {
    const id = await createCase("Gatelys før");
    const client = new TestClient(server.url);
    await client.get("/");
    expect((await client.get(`/cases/${id}`)).html).toContain("Gatelys før");
    expect((await client.get(`/cases/${id}/report`)).html).toContain('lang="nb"');
    await client.postForm("/lang", { lang: "en", returnTo: `/cases/${id}` });
    expect((await client.get(`/cases/${id}/report`)).html).toContain('lang="en"');

    const put = await fetch(`${server.url}/api/v1/cases/${id}`, { method: "PUT", headers: { "content-type": "application/json", "if-match": '"1"' }, body: JSON.stringify(caseTitled("Gatelys etter")) });
    expect(put.status).toBe(200);
    const after = (await client.get(`/cases/${id}`)).html;
    expect(after).toContain("Gatelys etter");
    expect(after).not.toContain("Gatelys før");
  });

  it("answers 404 for a case that does not exist, as before", async () => {
    const client = new TestClient(server.url);
    expect((await client.get("/cases/no-such-case")).res.status).toBe(404);
  });
});

describe("the page cache's bound", () => {
  it("holds at most its size in bytes, dropping the least recently shown pages", async () => {
    const cache = createPageCache(1_000_000);
    const page = (i: number) => `<p>${i}</p>`.padEnd(100_000, " ");
    for (let i = 0; i < 30; i++) await cache.page(`page ${i}`, async () => page(i));
    expect(cache.size()).toBeLessThanOrEqual(1_000_000);
    expect(cache.size()).toBeGreaterThan(800_000);
    let rendered = 0;
    await cache.page("page 29", async () => String(++rendered));
    await cache.page("page 0", async () => String(++rendered));
    expect(rendered).toBe(1); // the newest was kept, the oldest had made room
  });

  it("renders a page once for requests that come at the same time", async () => {
    const cache = createPageCache(1_000_000);
    let rendered = 0;
    const render = async () => {
      rendered++;
      await new Promise((r) => setTimeout(r, 20));
      return "<p>side</p>";
    };
    const pages = await Promise.all(Array.from({ length: 5 }, () => cache.page("same", render)));
    expect(new Set(pages)).toEqual(new Set(["<p>side</p>"]));
    expect(rendered).toBe(1);
  });
});
