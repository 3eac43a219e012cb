/**
 * The mapping from a ledger line to a spend factor, compiled once from the
 * default KOSTRA mapping and the adviser's rules into a function that is
 * called for every line of a ledger (up to a million). The most specific
 * rule wins:
 *
 *   1. a description keyword (case-insensitive substring of the line's
 *      description); among several that match, the longest keyword, and
 *      among keywords of the same length the one listed first;
 *   2. the supplier: its organisation number (digits only, exact), else
 *      its name compared trimmed, case-folded and with inner runs of
 *      white space as one space;
 *   3. the account: the longest prefix of the account that has a rule; an
 *      adviser's rule beats the default's for the same prefix, so the
 *      default's 3-digit KOSTRA arts catch local accounts ("11500" → "115")
 *      and the adviser may override one account or a whole series.
 *
 * Each rule is turned into one frozen LineMapping, so mapping a line
 * allocates nothing; the keyword scan, the only step that grows with the
 * number of rules, is remembered per description in a bounded LRU cache.
 *
 * Example: rules [keyword "flyreise" → air transport], default 115 →
 * office supplies: a line on account 11500 «Flyreise Oslo–Bergen» maps
 * to air transport (keyword), one without that word to office supplies.
 */
import { LRUCache } from "lru-cache";
import type { DefaultMapping, LineMapping, MappingRule } from "./types.js";

export type MappableLine = { account: string; supplierName: string | null; orgNumber: string | null; description: string | null };
export type Mapper = (line: MappableLine) => LineMapping;

/** Distinct descriptions whose keyword match is remembered; a ledger has far fewer texts that repeat. */
const KEYWORD_CACHE_SIZE = 20_000;

const UNMAPPED: LineMapping = Object.freeze({ rule: null, target: null });

/** A supplier's name as compared: trimmed, case-folded, inner white space as one space. */
export function supplierKey(name: string): string {
  return name.trim().replace(/\s+/gu, " ").toLowerCase();
}

/** An organisation number as compared: its digits ("974 760 673" and "NO 974760673 MVA" are the same). */
export function orgNumberKey(orgNumber: string): string {
  return orgNumber.replace(/\D/gu, "");
}

function frozen(rule: LineMapping["rule"], target: LineMapping["target"], reason: NonNullable<LineMapping["reason"]>): LineMapping {
  return Object.freeze({ rule, target, reason });
}

/** Account prefix → mapping, one map per prefix length, longest length first. */
function accountTable(defaults: DefaultMapping, rules: MappingRule[]): { length: number; byPrefix: Map<string, LineMapping> }[] {
  const byLength = new Map<number, Map<string, LineMapping>>();
  const put = (prefix: string, mapping: LineMapping, override: boolean) => {
    if (prefix === "") return;
    let table = byLength.get(prefix.length);
    if (!table) byLength.set(prefix.length, (table = new Map()));
    if (override || !table.has(prefix)) table.set(prefix, mapping);
  };
  for (const d of defaults.rules) put(d.account.trim(), frozen("default-account", d.target, d.reason), false);
  // The adviser's rules come after the defaults and replace them prefix for prefix; the first of two adviser rules for one prefix stands.
  const seen = new Set<string>();
  for (const r of rules) {
    if (r.match.kind !== "account") continue;
    const prefix = r.match.account.trim();
    if (seen.has(prefix)) continue;
    seen.add(prefix);
    put(prefix, frozen("account", r.target, r.reason), true);
  }
  return [...byLength.entries()].sort((a, b) => b[0] - a[0]).map(([length, byPrefix]) => ({ length, byPrefix }));
}

function keywordTable(rules: MappingRule[]): { keyword: string; mapping: LineMapping }[] {
  const found: { keyword: string; mapping: LineMapping; order: number }[] = [];
  rules.forEach((r, order) => {
    if (r.match.kind !== "keyword") return;
    const keyword = r.match.keyword.trim().toLowerCase();
    if (keyword !== "") found.push({ keyword, mapping: frozen("keyword", r.target, r.reason), order });
  });
  // Longest first; equal lengths in the adviser's order. The first that matches is the one that wins.
  return found.sort((a, b) => b.keyword.length - a.keyword.length || a.order - b.order);
}

function supplierTables(rules: MappingRule[]): { byOrg: Map<string, LineMapping>; byName: Map<string, LineMapping> } {
  const byOrg = new Map<string, LineMapping>();
  const byName = new Map<string, LineMapping>();
  for (const r of rules) {
    if (r.match.kind === "supplier") {
      const key = orgNumberKey(r.match.orgNumber);
      if (key !== "" && !byOrg.has(key)) byOrg.set(key, frozen("supplier", r.target, r.reason));
    } else if (r.match.kind === "supplier-name") {
      const key = supplierKey(r.match.name);
      if (key !== "" && !byName.has(key)) byName.set(key, frozen("supplier-name", r.target, r.reason));
    }
  }
  return { byOrg, byName };
}

export function compileMapping(defaults: DefaultMapping, rules: MappingRule[]): Mapper {
  const keywords = keywordTable(rules);
  const { byOrg, byName } = supplierTables(rules);
  const accounts = accountTable(defaults, rules);
  const keywordCache = new LRUCache<string, LineMapping>({ max: KEYWORD_CACHE_SIZE });

  function byKeyword(description: string): LineMapping {
    const cached = keywordCache.get(description);
    if (cached !== undefined) return cached;
    const folded = description.toLowerCase();
    const hit = keywords.find((k) => folded.includes(k.keyword))?.mapping ?? UNMAPPED;
    keywordCache.set(description, hit);
    return hit;
  }

  function byAccount(account: string): LineMapping {
    const text = account.trim();
    for (const { length, byPrefix } of accounts) {
      if (length > text.length) continue;
      const hit = byPrefix.get(text.slice(0, length));
      if (hit) return hit;
    }
    return UNMAPPED;
  }

  return (line) => {
    if (keywords.length > 0 && line.description) {
      const hit = byKeyword(line.description);
      if (hit !== UNMAPPED) return hit;
    }
    if (byOrg.size > 0 && line.orgNumber) {
      // The reader keeps an organisation number as nine digits already.
      const hit = byOrg.get(line.orgNumber);
      if (hit) return hit;
    }
    if (byName.size > 0 && line.supplierName) {
      const hit = byName.get(supplierKey(line.supplierName));
      if (hit) return hit;
    }
    return byAccount(line.account);
  };
}
