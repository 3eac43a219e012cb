/**
 * Every example case makes a bidder template that reads back: left empty,
 * it asks only for the bid's short name and name (every sheet and list is
 * where the reader looks for it, whatever the case holds).
 */
import { describe, expect, it } from "vitest";
import { readBid } from "../../src/bids/read-bid.js";
import { bidTemplate } from "../../src/bids/template.js";
import { checkCase } from "../../src/case/evaluate-document.js";
import { loadExampleCases } from "../../src/examples.js";
import { loadFactorLibrary } from "../../src/factors/load.js";

const library = loadFactorLibrary();
const examples = loadExampleCases().map((doc) => [(doc as { title: string }).title, doc] as const);

describe("the template of every example case", () => {
  it.each(examples)("%s", async (_title, example) => {
    const checked = checkCase(example, library);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const reading = await readBid(await bidTemplate(checked.doc, library, { lang: "nb" }), example, library);
    expect(reading.ok ? [] : reading.problems.map((p) => `${p.sheet}!${p.cell} ${p.code}`)).toEqual(["Tilbud!B3 missing-value", "Tilbud!B4 missing-value"]);
  });
});
