/**
 * The screening's totals: every ledger line is mapped (mapping.ts) and its
 * amount added, in whole øre, exactly (OreSum: a bigint with a number in
 * front for speed), to the groups it belongs to; the
 * groups are converted to tonnes CO2e only at the end, each (spend factor,
 * ledger year) sum once, with decimal.js, by the same steps as a spend
 * item in a case (src/case/resolve.ts): the NOK amount put onto the
 * factor's currency and price year with spendOnFactorBasis (the line's
 * year is its price year), times the factor's kg CO2e per unit.
 *
 *   tonnes = Σ over (factor f, year y) of
 *            spendOnFactorBasis(øre_fy / 100, y, basis_f) × kgPerUnit_f / 1000
 *
 * A category, supplier or function is converted as the sum of its own
 * (factor, year) parts, so every figure is that formula on the lines it
 * holds. Credit notes are negative lines: they lower their group's spend
 * and tonnes (a group may end below zero and is shown so). A ledger year
 * the price index does not cover is converted at the index year a case
 * starting that year would take (defaultPriceYear: the latest index year
 * not after it, else the first) and listed in priceYearClamped.
 * Rules and worked examples: docs/ledger-screening.md.
 */
import type { Lang } from "../case/messages.js";
import { PURCHASE_CATEGORIES, type PurchaseCategory } from "../core/climate/categories.js";
import { Decimal, ZERO } from "../core/decimal.js";
import type { FactorSet } from "../factors/factor-set.js";
import type { FactorRecord } from "../factors/schema.js";
import { canConvertSpend, defaultPriceYear, spendOnFactorBasis, type SpendBasis } from "../factors/spend.js";
import { text } from "../i18n/catalogue.js";
import { isHighRiskCategory } from "./high-risk.js";
import { supplierKey, type Mapper } from "./mapping.js";
import type { LedgerLine, LineMapping, ScreeningResult, ScreeningRow } from "./types.js";

/** How many categories and suppliers the hot spots list. */
export const HOT_SPOTS = 10;

export type ScreenedLine = Omit<LedgerLine, "lineNumber" | "date">;

/** 2^52: two sums within it add up to at most 2^53, still exact as a number. */
const SAFE_ORE = 2 ** 52;

/**
 * A sum of whole øre, exact: a bigint, with a plain number in front that
 * takes the additions while it stays within ±2^52 (where every integer is
 * exact), so a million lines do not allocate a million bigints.
 */
class OreSum {
  private small = 0;
  private big = 0n;

  add(ore: number): void {
    const next = this.small + ore;
    if (Math.abs(next) <= SAFE_ORE && Math.abs(ore) <= SAFE_ORE) this.small = next;
    else {
      this.big += BigInt(this.small) + BigInt(ore);
      this.small = 0;
    }
  }

  get value(): bigint {
    return this.big + BigInt(this.small);
  }
}

type SpendFactor = { record: FactorRecord; kgPerUnit: Decimal; basis: SpendBasis };
/** One (factor, ledger year) pair: the unit every sum is kept in until it is converted. */
type Part = { factor: SpendFactor; year: number; priceYear: number };
/** A group of a dimension: its lines, its øre and its øre per part. */
type Group = { key: string; name: string | null; lines: number; ore: OreSum; byPart: Map<number, OreSum> };
type Tally = { lines: number; ore: OreSum };

const THOUSAND = new Decimal(1000);
const HUNDRED = new Decimal(100);

/**
 * A spend record the screening can convert: unit "kgCO2e/<currency>" with
 * the record's currency and price year, which the set's economics cover.
 * kg per unit = value × 1 (kg), as resolveFactor makes it for that unit.
 */
function spendFactor(set: FactorSet, id: string): SpendFactor | null {
  const record = set.records.get(id);
  if (!record || record.group !== "spend" || record.currency === undefined || record.priceYear === undefined) return null;
  if (record.unit !== `kgCO2e/${record.currency}`) return null;
  const basis = { currency: record.currency, priceYear: record.priceYear };
  if (!canConvertSpend(set.economics, basis, basis.priceYear)) return null;
  return { record, kgPerUnit: new Decimal(record.value), basis };
}

const nokText = (ore: bigint): string => new Decimal(ore.toString()).div(HUNDRED).toString();

function addTo(group: Group, part: number, ore: number): void {
  group.lines += 1;
  group.ore.add(ore);
  let sum = group.byPart.get(part);
  if (!sum) group.byPart.set(part, (sum = new OreSum()));
  sum.add(ore);
}

function tally(map: Map<string, Tally>, key: string, ore: number): void {
  let found = map.get(key);
  if (!found) map.set(key, (found = { lines: 0, ore: new OreSum() }));
  found.lines += 1;
  found.ore.add(ore);
}

/** Largest tonnes first; then larger spend, then key, so the order never depends on the file's order. */
const byTonnes = <R extends { tonnesValue: Decimal; oreValue: bigint; key: string }>(a: R, b: R): number =>
  b.tonnesValue.comparedTo(a.tonnesValue) || (b.oreValue > a.oreValue ? 1 : b.oreValue < a.oreValue ? -1 : 0) || a.key.localeCompare(b.key);

export class ScreeningTotals {
  private readonly factors = new Map<string, SpendFactor | null>();
  private readonly priceYears = new Map<number, number>();
  /** Part index by factor id, then ledger year. */
  private readonly partIndex = new Map<string, Map<number, number>>();
  private readonly parts: Part[] = [];
  private readonly partOre: OreSum[] = [];
  private readonly partLines: number[] = [];
  private readonly categories = new Map<string, Group>();
  /** Suppliers by organisation number, and those without one by name as compared (supplierKey); "" for lines without a supplier. */
  private readonly suppliersByOrg = new Map<string, Group>();
  private readonly suppliersByName = new Map<string, Group>();
  private readonly functions = new Map<string, Group>();
  private readonly unmapped = new Map<string, Tally>();
  /** Out of scope by the rule that put the lines there, then account. */
  private readonly outOfScope = new Map<LineMapping, Map<string, Tally>>();
  private readonly counts = { total: 0, mapped: 0, outOfScope: 0, unmapped: 0, creditNotes: 0 };
  private readonly spend = { total: new OreSum(), mapped: new OreSum(), outOfScope: new OreSum(), unmapped: new OreSum() };
  private readonly indexYears: Set<number>;

  constructor(
    private readonly mapper: Mapper,
    private readonly factorSet: FactorSet,
  ) {
    this.indexYears = new Set(Object.keys(factorSet.economics.priceIndex.values).map(Number));
  }

  add(line: ScreenedLine): void {
    const ore = line.amountOre;
    this.counts.total += 1;
    this.spend.total.add(ore);
    if (line.amountOre < 0) this.counts.creditNotes += 1;
    const mapping = this.mapper(line);
    const target = mapping.target;
    if (target?.kind === "out-of-scope") return this.addOutOfScope(mapping, line.account, ore);
    const factor = target?.kind === "factor" ? this.factor(target.factor) : null;
    if (target?.kind !== "factor" || factor === null) {
      this.counts.unmapped += 1;
      this.spend.unmapped.add(ore);
      return tally(this.unmapped, line.account.trim(), ore);
    }
    this.counts.mapped += 1;
    this.spend.mapped.add(ore);
    const part = this.part(target.factor, factor, line.year);
    this.partOre[part]!.add(ore);
    this.partLines[part] = this.partLines[part]! + 1;
    addTo(this.group(this.categories, target.category, null), part, ore);
    const supplier = line.orgNumber ? this.group(this.suppliersByOrg, line.orgNumber, line.supplierName?.trim() || line.orgNumber) : this.group(this.suppliersByName, line.supplierName ? supplierKey(line.supplierName) : "", line.supplierName?.trim() || null);
    addTo(supplier, part, ore);
    const fn = line.function?.trim() ?? "";
    addTo(this.group(this.functions, fn, fn || null), part, ore);
  }

  private addOutOfScope(mapping: LineMapping, account: string, ore: number): void {
    this.counts.outOfScope += 1;
    this.spend.outOfScope.add(ore);
    let byAccount = this.outOfScope.get(mapping);
    if (!byAccount) this.outOfScope.set(mapping, (byAccount = new Map()));
    tally(byAccount, account.trim(), ore);
  }

  private factor(id: string): SpendFactor | null {
    let found = this.factors.get(id);
    if (found === undefined) this.factors.set(id, (found = spendFactor(this.factorSet, id)));
    return found;
  }

  private priceYear(year: number): number {
    let found = this.priceYears.get(year);
    if (found === undefined) this.priceYears.set(year, (found = this.indexYears.has(year) ? year : defaultPriceYear(this.factorSet.economics, year)));
    return found;
  }

  private part(id: string, factor: SpendFactor, year: number): number {
    let byYear = this.partIndex.get(id);
    if (!byYear) this.partIndex.set(id, (byYear = new Map()));
    let index = byYear.get(year);
    if (index === undefined) {
      index = this.parts.length;
      byYear.set(year, index);
      this.parts.push({ factor, year, priceYear: this.priceYear(year) });
      this.partOre.push(new OreSum());
      this.partLines.push(0);
    }
    return index;
  }

  private group(map: Map<string, Group>, key: string, name: string | null): Group {
    let found = map.get(key);
    if (!found) map.set(key, (found = { key, name, lines: 0, ore: new OreSum(), byPart: new Map() }));
    return found;
  }

  /** Tonnes CO2e of `ore` on one part: the conversion every figure goes through. */
  private tonnes(part: Part, ore: bigint): Decimal {
    if (ore === 0n) return ZERO;
    const nok = new Decimal(ore.toString()).div(HUNDRED);
    return spendOnFactorBasis(nok, part.priceYear, part.factor.basis, this.factorSet.economics).mul(part.factor.kgPerUnit).div(THOUSAND);
  }

  result(lang: Lang = "nb"): ScreeningResult {
    const partOre = this.partOre.map((sum) => sum.value);
    const partTonnes = this.parts.map((part, i) => this.tonnes(part, partOre[i]!));
    const groupTonnes = (g: Group) => [...g.byPart].reduce((acc, [part, ore]) => acc.plus(this.tonnes(this.parts[part]!, ore.value)), ZERO);
    const rows = (map: Map<string, Group>, name: (g: Group) => string) =>
      [...map.values()].map((g) => ({ key: g.key, name: name(g), lines: g.lines, oreValue: g.ore.value, tonnesValue: groupTonnes(g) })).sort(byTonnes);
    const row = (r: { key: string; name: string; lines: number; oreValue: bigint; tonnesValue: Decimal }): ScreeningRow => ({ key: r.key, name: r.name, nok: nokText(r.oreValue), tonnes: r.tonnesValue.toString(), lines: r.lines });

    const byCategory = rows(this.categories, (g) => PURCHASE_CATEGORIES[g.key as PurchaseCategory]?.[lang] ?? g.key).map((r) => ({ ...row(r), category: r.key as PurchaseCategory, highRisk: isHighRiskCategory(r.key as PurchaseCategory) }));
    const noSupplier = text(lang, "cli.screen.no-supplier");
    const suppliers = new Map([...[...this.suppliersByOrg].map(([k, g]) => [`org:${k}`, { ...g, key: `org:${k}` }] as const), ...[...this.suppliersByName].map(([k, g]) => [`name:${k}`, { ...g, key: k === "" ? "" : `name:${k}` }] as const)]);
    const bySupplier = rows(suppliers, (g) => g.name || noSupplier).map((r) => ({ ...row(r), orgNumber: r.key.startsWith("org:") ? r.key.slice(4) : null }));
    const noFunction = text(lang, "cli.screen.no-function");
    const byFunction = rows(this.functions, (g) => g.name ?? noFunction).map(row);

    const years = new Map<number, { lines: number; ore: bigint; tonnes: Decimal }>();
    const factors = new Map<string, { name: string; lines: number; ore: bigint; tonnes: Decimal }>();
    this.parts.forEach((part, i) => {
      const y = years.get(part.year) ?? { lines: 0, ore: 0n, tonnes: ZERO };
      years.set(part.year, { lines: y.lines + this.partLines[i]!, ore: y.ore + partOre[i]!, tonnes: y.tonnes.plus(partTonnes[i]!) });
      const f = factors.get(part.factor.record.id) ?? { name: part.factor.record.names[lang], lines: 0, ore: 0n, tonnes: ZERO };
      factors.set(part.factor.record.id, { name: f.name, lines: f.lines + this.partLines[i]!, ore: f.ore + partOre[i]!, tonnes: f.tonnes.plus(partTonnes[i]!) });
    });
    const byYear = [...years].sort((a, b) => a[0] - b[0]).map(([year, y]) => ({ key: String(year), name: String(year), nok: nokText(y.ore), tonnes: y.tonnes.toString(), lines: y.lines, year }));
    const byFactor = [...factors]
      .map(([id, f]) => ({ key: id, name: f.name, lines: f.lines, oreValue: f.ore, tonnesValue: f.tonnes }))
      .sort(byTonnes)
      .map((r) => ({ ...row(r), factor: r.key }));

    const spend = { total: this.spend.total.value, mapped: this.spend.mapped.value, outOfScope: this.spend.outOfScope.value, unmapped: this.spend.unmapped.value };
    const mappedNok = new Decimal(spend.mapped.toString()).div(HUNDRED);
    const inScope = new Decimal((spend.mapped + spend.unmapped).toString()).div(HUNDRED);
    type Listed = { account: string; lines: number; ore: bigint };
    const byOre = (a: Listed, b: Listed) => (b.ore > a.ore ? 1 : b.ore < a.ore ? -1 : 0) || a.account.localeCompare(b.account);
    const reasonOf = (m: LineMapping) => (typeof m.reason === "string" ? m.reason : (m.reason?.[lang] ?? ""));
    const outOfScope = [...this.outOfScope].flatMap(([mapping, byAccount]) => [...byAccount].map(([account, t]) => ({ account, reason: reasonOf(mapping), lines: t.lines, ore: t.ore.value })));

    return {
      factorSet: this.factorSet.id,
      factorSetHash: this.factorSet.hash,
      lines: { ...this.counts },
      spend: {
        totalNok: nokText(spend.total),
        mappedNok: mappedNok.toString(),
        outOfScopeNok: nokText(spend.outOfScope),
        unmappedNok: nokText(spend.unmapped),
        // Of the spend in scope (mapped + unmapped, credit notes netted); out-of-scope lines (salaries, transfers) are not spend to map.
        mappedShare: inScope.gt(0) ? mappedNok.div(inScope).toString() : "0",
      },
      totalTonnes: partTonnes.reduce((acc, t) => acc.plus(t), ZERO).toString(),
      byCategory,
      bySupplier,
      byFunction,
      byYear,
      byFactor,
      hotSpots: {
        categories: byCategory.filter((r) => new Decimal(r.tonnes).gt(0)).slice(0, HOT_SPOTS),
        suppliers: bySupplier.filter((r) => new Decimal(r.tonnes).gt(0)).slice(0, HOT_SPOTS),
      },
      unmapped: [...this.unmapped].map(([account, t]) => ({ account, lines: t.lines, ore: t.ore.value })).sort(byOre).map((t) => ({ account: t.account, lines: t.lines, nok: nokText(t.ore) })),
      outOfScope: outOfScope.sort(byOre).map((t) => ({ account: t.account, reason: t.reason, lines: t.lines, nok: nokText(t.ore) })),
      priceYearClamped: [...new Set(this.parts.map((p) => p.year))].filter((y) => !this.indexYears.has(y)).sort((a, b) => a - b),
    };
  }
}
