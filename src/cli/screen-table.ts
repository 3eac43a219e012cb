/**
 * `kalkyle screen --format table`: the screening a climate adviser reads in
 * a terminal: the lines and spend, the tonnes, the categories (high-risk
 * ones flagged), the hot spots, the accounts no rule maps, and the broken
 * lines (the count and the first 20). Numbers in the CLI's language;
 * every figure is formatted here from the screening's decimal text.
 */
import type { Lang } from "../case/messages.js";
import { isMessageKey, text, type MessageKey } from "../i18n/catalogue.js";
import { formatNumber } from "../i18n/numbers.js";
import type { BrokenLine, ScreeningResult } from "../ledger/types.js";

/** Broken lines the table lists; the JSON output keeps more. */
export const TABLE_BROKEN_LINES = 20;

const say = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) => text(lang, key, params);
const heads = (lang: Lang, keys: string[]) => keys.map((k) => say(lang, `cli.screen.head.${k}` as MessageKey));

function grid(rows: string[][], textColumns: number): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < textColumns ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ").trimEnd()).join("\n");
}

/** The reason of a broken line in words; the reader's text area names them under ledger.broken.<reason>. */
export function brokenReason(line: BrokenLine, lang: Lang): string {
  const key = `ledger.broken.${line.reason}`;
  return isMessageKey(key) ? text(lang, key) : line.reason;
}

export function screeningTable(file: string, result: ScreeningResult, broken: { count: number; lines: BrokenLine[] }, lang: Lang): string {
  const kr = (value: string) => formatNumber(Number(value), lang, 0);
  const t = (value: string) => formatNumber(Number(value), lang, 2);
  const n = (value: number) => formatNumber(value, lang, 0);
  const yes = (flag: boolean) => say(lang, flag ? "cli.table.yes" : "cli.table.no");
  const parts = [
    say(lang, "cli.screen.title", { file, set: result.factorSet }),
    say(lang, "cli.screen.lines", { total: n(result.lines.total), mapped: n(result.lines.mapped), outOfScope: n(result.lines.outOfScope), unmapped: n(result.lines.unmapped), creditNotes: n(result.lines.creditNotes) }),
    say(lang, "cli.screen.spend", {
      total: kr(result.spend.totalNok),
      mapped: kr(result.spend.mappedNok),
      share: formatNumber(Number(result.spend.mappedShare) * 100, lang, 1),
      outOfScope: kr(result.spend.outOfScopeNok),
      unmapped: kr(result.spend.unmappedNok),
    }),
    say(lang, "cli.screen.tonnes", { tonnes: t(result.totalTonnes) }),
  ];
  if (result.priceYearClamped.length > 0) parts.push(say(lang, "cli.screen.clamped", { years: result.priceYearClamped.join(", ") }));
  if (result.byCategory.length > 0) {
    const rows = result.byCategory.map((r) => [r.name, yes(r.highRisk), kr(r.nok), t(r.tonnes), n(r.lines)]);
    parts.push("", say(lang, "cli.screen.byCategory"), grid([heads(lang, ["category", "highRisk", "nok", "tonnes", "lines"]), ...rows], 2));
  }
  if (result.hotSpots.categories.length > 0) {
    const rows = result.hotSpots.categories.map((r) => [r.name, yes(r.highRisk), t(r.tonnes)]);
    parts.push("", say(lang, "cli.screen.hotCategories"), grid([heads(lang, ["category", "highRisk", "tonnes"]), ...rows], 2));
  }
  if (result.hotSpots.suppliers.length > 0) {
    const rows = result.hotSpots.suppliers.map((r) => [r.name, r.orgNumber ?? "", kr(r.nok), t(r.tonnes)]);
    parts.push("", say(lang, "cli.screen.hotSuppliers"), grid([heads(lang, ["supplier", "orgNumber", "nok", "tonnes"]), ...rows], 2));
  }
  if (result.byCategory.some((r) => r.highRisk)) parts.push("", say(lang, "cli.screen.highRiskNote"));
  if (result.unmapped.length > 0) {
    const rows = result.unmapped.map((r) => [r.account, kr(r.nok), n(r.lines)]);
    parts.push("", say(lang, "cli.screen.unmapped"), grid([heads(lang, ["account", "nok", "lines"]), ...rows], 1));
  }
  parts.push("", say(lang, "cli.screen.broken", { count: n(broken.count) }));
  const first = broken.lines.slice(0, TABLE_BROKEN_LINES);
  if (first.length > 0) {
    parts.push(say(lang, "cli.screen.brokenFirst", { count: n(first.length) }));
    for (const b of first) parts.push(say(lang, "cli.screen.brokenLine", { line: String(b.lineNumber), reason: brokenReason(b, lang), found: b.found }));
  }
  return parts.join("\n");
}
