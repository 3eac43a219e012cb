import { describe, expect, it } from "vitest";
import { citation, citationParts, factorCitation, publicSource, resultCitation } from "../../src/factors/citation.js";
import { loadFactorLibrary } from "../../src/factors/load.js";

const DESNZ = { publisher: "UK DESNZ", title: "GHG conversion factors 2025", year: 2025, table: "Fuels › Diesel", licence: "OGL v3", url: "https://www.gov.uk/x" };

describe("citation: the one way a user sees a source", () => {
  it("names publisher, dataset, year, table, edition and URL", () => {
    expect(citation({ ...DESNZ, edition: "flat file" })).toBe("UK DESNZ, GHG conversion factors 2025 (2025), Fuels › Diesel, flat file. https://www.gov.uk/x");
    expect(citationParts(DESNZ)).toEqual({ text: "UK DESNZ, GHG conversion factors 2025 (2025), Fuels › Diesel", url: "https://www.gov.uk/x" });
  });

  it("leaves out notes for maintainers in the edition (how the archive's metadata reads included), and an edition that is nothing else", () => {
    expect(citation({ ...DESNZ, edition: "flat file (secondary transcription; verify against the DESNZ workbook before release)" })).toBe(
      "UK DESNZ, GHG conversion factors 2025 (2025), Fuels › Diesel, flat file. https://www.gov.uk/x",
    );
    expect(citation({ ...DESNZ, edition: "3.8.2 (archive metadata says v3.81); extracted via themisiq/themisiq commit aec56804488efdcf27f885bd52763b71c9e670e8; verify against Zenodo" })).toBe(
      "UK DESNZ, GHG conversion factors 2025 (2025), Fuels › Diesel, 3.8.2. https://www.gov.uk/x",
    );
    expect(citationParts({ ...DESNZ, edition: "secondary transcription (year of the value not confirmed); verify" }).text).toBe("UK DESNZ, GHG conversion factors 2025 (2025), Fuels › Diesel");
  });

  it("links only http(s) addresses, and without one the citation ends at the table", () => {
    expect(citationParts({ ...DESNZ, url: "javascript:alert(1)" }).url).toBeNull();
    expect(citation({ ...DESNZ, url: undefined })).toBe("UK DESNZ, GHG conversion factors 2025 (2025), Fuels › Diesel");
  });

  it("keeps the result document's short form as it was, so stored results do not change", () => {
    expect(resultCitation({ ...DESNZ, edition: "flat file" })).toBe("UK DESNZ, GHG conversion factors 2025 (2025), Fuels › Diesel");
  });

  it("cites a chained factor with each record it goes via, the case's electricity for «electricity»", () => {
    const set = loadFactorLibrary().sets.get("2025-2")!;
    const chained = [...set.records.values()].find((r) => r.via === "electricity")!;
    const electricity = set.manifest.defaults.electricity;
    const text = factorCitation(set, chained.id, electricity)!;
    expect(text.startsWith(citation(chained.source))).toBe(true);
    expect(text).toContain(` × ${electricity}: ${citation(set.records.get(electricity)!.source)}`);
    expect(factorCitation(set, "no.such.factor", electricity)).toBeNull();
  });
});

describe("publicSource: the fields of a source for the API", () => {
  it("has the edition and table without notes for maintainers, no empty edition, and only an http(s) URL", () => {
    expect(publicSource({ ...DESNZ, edition: "flat file (secondary transcription; verify against the DESNZ workbook before release)" })).toEqual({ ...DESNZ, edition: "flat file" });
    expect(publicSource({ ...DESNZ, edition: "secondary transcription; verify", url: "ftp://x" })).toEqual({ ...DESNZ, url: null });
  });
});
