/**
 * The award part of `kalkyle evaluate --format table`: each bid's points
 * per criterion with the weighted points in brackets, its total and place
 * (equal totals share a place); the four rankings; the implied carbon price
 * between bids next to each other by CO2e beside the reference price (a
 * price that does not exist as "–" with the reason below); the reference
 * path and the notes. Every word in the CLI's language.
 */
import { awardNoteMessage, impliedPriceMessage } from "../case/award-json.js";
import type { Lang } from "../case/messages.js";
import type { Decimal } from "../core/decimal.js";
import type { AwardCriterionKind, AwardResult, CoreResult, ResolvedAward } from "../core/types.js";
import { text } from "../i18n/catalogue.js";
import { formatNumber } from "../i18n/numbers.js";

type Key = Parameters<typeof text>[1];
const say = (lang: Lang, key: Key, params?: Record<string, string>) => text(lang, key, params);

/** Rows of cells in columns: the first two left-aligned, the figures right-aligned. */
function grid(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")).join("\n");
}

const points = (d: Decimal, lang: Lang) => formatNumber(d.toNumber(), lang, 2);
const kroner = (d: Decimal, lang: Lang) => formatNumber(d.toNumber(), lang, 0);

/** The criteria with their weights as the case sets them; without the resolved case, as the points hold them (no weight). */
function criteriaOf(award: AwardResult, resolved: ResolvedAward | undefined): { kind: AwardCriterionKind; weight?: Decimal }[] {
  if (resolved) return resolved.criteria.map((c) => ({ kind: c.kind, weight: c.weight }));
  return award.bids[0] ? (Object.keys(award.bids[0].points) as AwardCriterionKind[]).map((kind) => ({ kind })) : [];
}

export function awardTable(result: CoreResult, resolved: ResolvedAward | undefined, lang: Lang): string[] {
  const award = result.award;
  if (award === undefined) return [];
  const names = new Map(result.alternatives.map((a) => [a.id, a.name]));
  const criteria = criteriaOf(award, resolved);
  const head = [
    say(lang, "cli.award.head.rank"),
    say(lang, "cli.award.head.bid"),
    ...criteria.map((c) => {
      const criterion = say(lang, `cli.award.criterion.${c.kind}`);
      return c.weight ? say(lang, "cli.award.head.criterion", { criterion, weight: formatNumber(c.weight.toNumber(), lang, c.weight.isInteger() ? 0 : 1) }) : criterion;
    }),
    say(lang, "cli.award.head.total"),
  ];
  const rows = [...award.bids]
    .sort((a, b) => a.rank - b.rank)
    .map((b) => [String(b.rank), `${b.id} ${names.get(b.id) ?? ""}`.trim(), ...criteria.map((c) => `${points(b.points[c.kind]!, lang)} (${points(b.weighted[c.kind]!, lang)})`), points(b.total, lang)]);
  const parts = ["", say(lang, "cli.award.title", { max: formatNumber(award.maxPoints.toNumber(), lang, award.maxPoints.isInteger() ? 0 : 1) }), grid([head, ...rows])];
  if (award.useMarkedUp) parts.push(say(lang, "cli.award.markedUp"));
  const list = (ids: readonly string[]) => ids.join(", ");
  // scored on marked-up CO2e, the emissions ranking is of the marked-up CO2e too: said so
  parts.push("", say(lang, award.useMarkedUp ? "cli.award.rankings.markedUp" : "cli.award.rankings", { points: list(award.rankings.points), emissions: list(award.rankings.emissions), lcc: list(award.rankings.lcc), lccWithCarbon: list(award.rankings.lccWithCarbon) }));
  parts.push("", ...impliedPart(award, lang));
  const r = award.reference;
  parts.push(say(lang, r.source === "case" ? "cli.award.reference.case" : "cli.award.reference.r109", { price: kroner(r.nokPerTonne, lang), year: String(r.year), min: kroner(r.min, lang), max: kroner(r.max, lang) }));
  if (award.notes.length > 0) parts.push("", say(lang, "cli.award.notes"), ...award.notes.map((n) => `  ${awardNoteMessage(n, award, lang)}`));
  return parts;
}

function impliedPart(award: AwardResult, lang: Lang): string[] {
  if (award.impliedCarbonPrices.length === 0) return [say(lang, "cli.award.noImplied")];
  const head = ["lower", "higher", "saved", "implied", "reference"].map((k) => say(lang, `cli.award.head.${k}` as Key));
  const rows = award.impliedCarbonPrices.map((p) => [p.lower, p.higher, formatNumber(p.savedKg.toNumber() / 1000, lang, 2), p.nokPerTonne === null ? "–" : kroner(p.nokPerTonne, lang), kroner(award.reference.nokPerTonne, lang)]);
  const reasons = award.impliedCarbonPrices.filter((p) => p.reason !== null).map((p) => `  ${impliedPriceMessage(p, lang)}`);
  return [say(lang, "cli.award.implied"), grid([head, ...rows]), ...reasons];
}
