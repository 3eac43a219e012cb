import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isPurchaseCategory } from "../../src/core/climate/categories.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import {
  DefaultMappingError,
  KOSTRA_MAPPING_FILE,
  defaultMapping,
  kostraMappingFile,
  loadKostraMappingFile,
  mappingCoverage,
  mappingFactorProblems,
} from "../../src/ledger/default-mapping.js";
import { HIGH_RISK_FILE, highRiskCategories, highRiskList, highRiskSource, isHighRiskCategory, loadHighRiskList } from "../../src/ledger/high-risk.js";

const library = loadFactorLibrary();
const newest = library.sets.get(library.newest)!;

function writeTemp(name: string, content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "data-mapping-"));
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe("default mapping for the KOSTRA artskontoplan", () => {
  const mapping = defaultMapping();
  const file = kostraMappingFile();

  it("names the newest factor set, and every factor it uses is a spend factor there", () => {
    expect(file.factorSet).toBe(library.newest);
    expect(mappingFactorProblems(mapping, newest)).toEqual([]);
    for (const rule of mapping.rules) {
      if (rule.target.kind === "factor") expect(newest.records.get(rule.target.factor)?.group, rule.account).toBe("spend");
    }
  });

  it("flags a factor the set does not hold and a factor that is not a spend factor", () => {
    const broken = {
      ...mapping,
      rules: [
        { ...mapping.rules[0]!, account: "998", target: { kind: "factor" as const, factor: "spend.no-such-product", category: "food" as const } },
        { ...mapping.rules[0]!, account: "999", target: { kind: "factor" as const, factor: "electricity.no.delivered-2023", category: "energy" as const } },
      ],
    };
    const problems = mappingFactorProblems(broken, newest);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("998");
    expect(problems[1]).toContain("not a spend factor");
  });

  it("uses only known purchase categories", () => {
    for (const rule of mapping.rules) if (rule.target.kind === "factor") expect(isPurchaseCategory(rule.target.category), rule.account).toBe(true);
  });

  it("has unique three-digit accounts, and no account both mapped and listed as unverified", () => {
    const accounts = mapping.rules.map((r) => r.account);
    for (const a of accounts) expect(a).toMatch(/^\d{3}$/);
    expect(new Set(accounts).size).toBe(accounts.length);
    const unverified = new Set(file.unverified.map((u) => u.account));
    for (const a of accounts) expect(unverified.has(a), a).toBe(false);
  });

  it("gives every account of series 1 and 2 in the file a factor or an out-of-scope reason, in both languages", () => {
    const series12 = mapping.rules.filter((r) => r.account.startsWith("1") || r.account.startsWith("2"));
    expect(series12.length).toBeGreaterThan(0);
    for (const rule of series12) {
      expect(rule.reason.nb.length, rule.account).toBeGreaterThan(20);
      expect(rule.reason.en.length, rule.account).toBeGreaterThan(20);
      expect(rule.name.nb.length * rule.name.en.length, rule.account).toBeGreaterThan(0);
      expect(["factor", "out-of-scope"]).toContain(rule.target.kind);
    }
  });

  it("keeps wages, internal purchases and revenues out of scope", () => {
    const kind = (account: string) => mapping.rules.find((r) => r.account === account)?.target.kind;
    for (const account of mapping.rules.map((r) => r.account).filter((a) => a.startsWith("0") || Number(a[0]) >= 6)) expect(kind(account), account).toBe("out-of-scope");
    expect(kind("290")).toBe("out-of-scope");
    expect(kind("115")).toBe("factor");
  });

  it("names a source for every account name, and every source has an address", () => {
    const ids = new Set(file.sources.map((s) => s.id));
    for (const rule of file.rules) expect(ids.has(rule.nameSource), rule.account).toBe(true);
    for (const source of file.sources) expect(source.url).toMatch(/^https?:\/\//);
  });

  it("does not pass off a series description as the art's own name", () => {
    for (const rule of file.rules.filter((r) => r.nameKind === "series")) {
      expect(rule.name.nb.startsWith(`Art ${rule.account} – `), rule.account).toBe(true);
      expect(rule.name.en.startsWith(`Account ${rule.account} – `), rule.account).toBe(true);
    }
  });

  it("counts the coverage", () => {
    const coverage = mappingCoverage(mapping);
    expect(coverage.accounts).toBe(mapping.rules.length);
    expect(coverage.mapped + coverage.outOfScope).toBe(coverage.accounts);
    expect(Object.values(coverage.byCategory).reduce((a, b) => a + b, 0)).toBe(coverage.mapped);
    expect(coverage.byCategory.food).toBeGreaterThanOrEqual(1);
    const byCategory = Object.entries(coverage.byCategory)
      .filter(([, n]) => n > 0)
      .map(([c, n]) => `${c} ${n}`)
      .join(", ");
    console.info(
      `KOSTRA default mapping: ${coverage.accounts} accounts — ${coverage.mapped} mapped, ${coverage.outOfScope} out of scope; ` +
        `${file.rules.filter((r) => r.nameKind === "series").length} of them named by their series only; ` +
        `${file.unverified.length} listed as unverified (not mapped). Mapped by category: ${byCategory}`,
    );
  });

  function loadError(mutate: (raw: { rules: { account: string; nameSource: string; target: { kind: string; category?: string } }[] }) => void): string {
    const raw = JSON.parse(readFileSync(KOSTRA_MAPPING_FILE, "utf8")) as Parameters<typeof mutate>[0];
    mutate(raw);
    try {
      loadKostraMappingFile(writeTemp("kostra.json", raw));
    } catch (error) {
      expect(error).toBeInstanceOf(DefaultMappingError);
      return (error as DefaultMappingError).problems.join("\n");
    }
    throw new Error("the file loaded");
  }

  it("refuses a file with an unknown category, naming the place", () => {
    let at = -1;
    const problems = loadError((raw) => {
      at = raw.rules.findIndex((r) => r.target.kind === "factor");
      raw.rules[at]!.target.category = "spaceships";
    });
    expect(problems).toContain(`rules[${at}].target.category`);
  });

  it("refuses an account mapped twice and a name without its source, naming the places", () => {
    const problems = loadError((raw) => {
      raw.rules[1]!.account = raw.rules[0]!.account;
      raw.rules[2]!.nameSource = "nowhere";
    });
    expect(problems).toContain("rules[1].account");
    expect(problems).toContain("rules[2].nameSource");
  });

  it("refuses a file that is not JSON", () => {
    const file = writeTemp("broken.json", "");
    writeFileSync(file, "{ not json");
    expect(() => loadKostraMappingFile(file)).toThrow(/not readable JSON/);
  });
});

describe("DFØ's high-risk list", () => {
  it("links only to known purchase categories, and cites its address and year", () => {
    const list = highRiskList();
    for (const c of list.categories) for (const p of c.purchaseCategories) expect(isPurchaseCategory(p), c.id).toBe(true);
    const source = highRiskSource();
    expect(source.url).toMatch(/^https:\/\/anskaffelser\.no\//);
    expect(source.year).toBeGreaterThanOrEqual(2000);
    expect(source.title.length).toBeGreaterThan(0);
  });

  it("flags the categories the list names, and not energy or travel", () => {
    expect(highRiskCategories()).toEqual(expect.arrayContaining(["ict", "textiles", "medical", "food", "furniture", "construction"]));
    expect(isHighRiskCategory("ict")).toBe(true);
    expect(isHighRiskCategory("energy")).toBe(false);
    expect(isHighRiskCategory("travel")).toBe(false);
  });

  it("refuses a list with an unknown purchase category", () => {
    const raw = JSON.parse(readFileSync(HIGH_RISK_FILE, "utf8")) as { categories: { purchaseCategories: string[] }[] };
    raw.categories[0]!.purchaseCategories = ["spaceships"];
    expect(() => loadHighRiskList(writeTemp("hr.json", raw))).toThrow(/categories\[0\]\.purchaseCategories\[0\]/);
  });
});
