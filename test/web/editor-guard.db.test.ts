/**
 * A save that cannot go through loses nothing: a form over the body limit
 * gets a page (413, in the user's language) that names the limit and leads
 * back to the editor, where the browser's draft is offered (`?draft=kept`);
 * a save from someone no longer signed in goes to the login and from there
 * back to the editor. Neither changes the case.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, TestClient, type TestServer } from "./harness.js";
import { decode } from "../support/editor-form.js";
import { twoAlternativeCase } from "../support/two-alternatives.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(async () => {
  await server?.close();
});

describe("the editor's saves that cannot go through", () => {
  it("a form over 1 MB: 413, a page in the user's language naming the limit and linking back to the editor's draft; the case unchanged", async () => {
    const stored = await server.store.cases.create(twoAlternativeCase("Vakt"));
    const client = server.client();
    await client.get(`/cases/${stored.id}/edit`);
    const big = { title: "x".repeat(1_200_000), version: String(stored.version) };

    const nb = await client.postForm(`/cases/${stored.id}`, big);
    const nbHtml = decode(await nb.text());
    expect(nb.status).toBe(413);
    expect(nb.headers.get("content-type")).toMatch(/^text\/html/);
    expect(nbHtml).toContain("Det du sendte, er større enn 1 MB");
    expect(nbHtml).toContain(`href="/cases/${stored.id}/edit?draft=kept"`);

    await client.postForm("/lang", { lang: "en", returnTo: "/" });
    const en = await client.postForm(`/cases/${stored.id}`, big);
    const enHtml = await en.text();
    expect(en.status).toBe(413);
    expect(enHtml).toContain("What you sent is larger than 1 MB");
    expect(enHtml).toContain("Back to the case, with the draft");

    const created = await client.postForm("/cases", big);
    expect(created.status).toBe(413);
    expect(decode(await created.text())).toContain('href="/cases/new?draft=kept"');
    expect((await server.store.cases.get(stored.id))?.version).toBe(stored.version);
  });

  it("a save without a session goes to the login, and from there back to the editor with the draft kept; nothing is saved", async () => {
    const stored = await server.store.cases.create(twoAlternativeCase("Vakt"));
    const visitor = new TestClient(server.publicUrl);
    const res = await visitor.postForm(`/cases/${stored.id}`, { title: "Uten økt", version: String(stored.version), _csrf: "gammelt" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/login?next=${encodeURIComponent(`/cases/${stored.id}/edit?draft=kept`)}`);
    const created = await visitor.postForm("/cases", { title: "Uten økt", _csrf: "gammelt" });
    expect(created.headers.get("location")).toBe(`/login?next=${encodeURIComponent("/cases/new?draft=kept")}`);
    expect((await server.store.cases.get(stored.id))?.version).toBe(stored.version);
    // Other forms still refuse a request without a session's token.
    expect((await visitor.postForm("/lang", { lang: "en", _csrf: "gammelt" })).status).toBe(403);
  });
});
