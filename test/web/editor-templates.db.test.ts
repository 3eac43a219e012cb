/**
 * What editor.js clones to add a row or an alternative in the page is the
 * server's own markup: each <template>, with its placeholders filled in, is
 * exactly what the server renders when the same button is posted without
 * JavaScript. And the rows' long hints are on the page once per list, each
 * row's field pointing to them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formFields } from "../support/editor-form.js";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(async () => {
  await server?.close();
});

const between = (html: string, start: string, end: string) => {
  const from = html.indexOf(start);
  expect(from, start).toBeGreaterThan(-1);
  return html.slice(from, html.indexOf(end, from) + end.length);
};
const template = (html: string, name: string) => between(html, `<template id="editor-template-${name}">`, "</template>").replace(/^<template[^>]*>|<\/template>$/g, "").trim();
/** The server's page puts the focus on the new row or alternative with autofocus; the script moves it with focus(). */
const unfocused = (markup: string) => markup.replace(" autofocus", "");
const fill = (markup: string, values: Record<string, string | number>) => markup.replace(/__(AN|A|RN|R|ID|TITLE)__/g, (_, token: string) => String(values[token]));

describe("the editor's templates", () => {
  it("an emission row and a cost row from the templates are the rows the server adds", async () => {
    const client = server.client();
    const blank = await client.get("/cases/new");
    const fields = formFields(blank.html);
    const emission = await client.postForm("/cases", [...fields, ["action", "add-emission:0"]]);
    const withEmission = await emission.text();
    const served = between(withEmission, '<fieldset class="editor-row" id="alternatives[0].emissions[1]"', "</fieldset>");
    expect(fill(template(blank.html, "emissions"), { A: 0, AN: 1, R: 1, RN: 2, TITLE: "Alternativ 1: A" })).toBe(unfocused(served));
    const cost = await client.postForm("/cases", [...fields, ["action", "add-cost:0"]]);
    const servedCost = between(await cost.text(), '<fieldset class="editor-row" id="alternatives[0].costs[1]"', "</fieldset>");
    expect(fill(template(blank.html, "costs"), { A: 0, AN: 1, R: 1, RN: 2, TITLE: "Alternativ 1: A" })).toBe(unfocused(servedCost));
  });

  it("an alternative from the template is the alternative the server adds", async () => {
    const client = server.client();
    const blank = await client.get("/cases/new");
    const res = await client.postForm("/cases", [...formFields(blank.html), ["action", "add-alternative"]]);
    const served = between(await res.text(), '<section class="editor-alternative" id="alternatives[1]"', "</section>");
    expect(fill(template(blank.html, "alternative"), { A: 1, AN: 2, ID: "B", TITLE: "Alternativ 2: B" })).toBe(unfocused(served));
  });

  it("shows each list's hints once, and every row's field points to them", async () => {
    const stored = await server.store.cases.create({
      schema: "kalkyle.case/1",
      title: "Tre rader",
      analysis: { startYear: 2026, years: 10 },
      alternatives: [{ id: "A", name: "Stoler", emissions: [1, 2, 3].map((n) => ({ factor: "material.metals.construction.primary", quantity: `${n} kg` })), costs: [{ amount: 100 }] }],
    });
    const { html } = await server.client().get(`/cases/${stored.id}/edit`);
    const page = html.slice(0, html.indexOf("<template"));
    expect(page.match(/id="alternatives\[0\]\.emissions-hint-quantity"/g)).toHaveLength(1);
    for (const r of [0, 1, 2]) expect(page).toMatch(new RegExp(`id="alternatives\\[0\\]\\.emissions\\[${r}\\]\\.quantity"[^>]*aria-describedby="alternatives\\[0\\]\\.emissions-hint-quantity"`));
    expect(page).not.toContain('id="alternatives[0].emissions[0].quantity-hint"');
  });
});
