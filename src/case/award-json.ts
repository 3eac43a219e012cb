/**
 * The result's `award` block: the core's award figures as plain numbers,
 * each implied carbon price and each note with its message in bokmål and
 * English. Amounts in the messages in whole kroner, the ratio to the
 * reference to one decimal, as each language writes numbers.
 *
 * Example (nb): «Vektingen priser et tonn CO2e mellom tilbud B og C til
 * 48 000 kr, 20,9 ganger R-109-banens 2 300 kr i 2026.»
 */
import type { Decimal } from "../core/decimal.js";
import type { AwardNote, AwardResult, ImpliedCarbonPrice, ResolvedAward } from "../core/types.js";
import { text } from "../i18n/catalogue.js";
import { formatNumber } from "../i18n/numbers.js";
import type { Lang } from "./messages.js";
import type { ResultDocument } from "./result-schema.js";

type AwardJson = NonNullable<ResultDocument["award"]>;

const num = (d: Decimal): number => (d.isZero() ? 0 : d.toNumber());
const kroner = (d: Decimal | string, lang: Lang) => formatNumber(typeof d === "string" ? Number(d) : d.toNumber(), lang, 0);

function referenceText(reference: AwardResult["reference"], lang: Lang): string {
  return text(lang, reference.source === "case" ? "case.award.reference.case" : "case.award.reference.r109", { price: kroner(reference.nokPerTonne, lang), year: String(reference.year) });
}

export function impliedPriceMessage(p: ImpliedCarbonPrice, lang: Lang): string {
  const params = { lower: p.lower, higher: p.higher };
  if (p.reason !== null) return text(lang, `case.award.implied.${p.reason}`, params);
  return text(lang, "case.award.implied.priced", { ...params, implied: kroner(p.nokPerTonne!, lang) });
}

export function awardNoteMessage(note: AwardNote, award: AwardResult, lang: Lang): string {
  const p = note.params;
  if (note.code === "climate-weight-below-30") {
    return p.weight === "0" ? text(lang, "case.award.note.climate-missing") : text(lang, "case.award.note.climate-weight-below-30", { weight: formatNumber(Number(p.weight), lang, Number.isInteger(Number(p.weight)) ? 0 : 1) });
  }
  if (note.code === "ranking-differs") return text(lang, "case.award.note.ranking-differs", { points: p.points, lccWithCarbon: p.lccWithCarbon });
  if (note.code === "carbon-price-none") return text(lang, "case.award.note.carbon-price-nothing", { lower: p.lower, higher: p.higher });
  const params = { lower: p.lower, higher: p.higher, implied: kroner(p.implied!, lang), reference: referenceText(award.reference, lang) };
  if (note.code === "carbon-price-far-below") return text(lang, "case.award.note.carbon-price-far-below", params);
  const reference = Number(p.reference);
  if (!(reference > 0)) return text(lang, "case.award.note.carbon-price-far-above-free", params);
  return text(lang, "case.award.note.carbon-price-far-above", { ...params, ratio: formatNumber(Number(p.implied) / reference, lang, 1) });
}

const bilingual = (make: (lang: Lang) => string) => ({ nb: make("nb"), en: make("en") });

function criterionJson(c: ResolvedAward["criteria"][number]): AwardJson["criteria"][number] {
  if (c.kind === "quality") return { kind: c.kind, weight: num(c.weight) };
  const m = c.model;
  const model = m.type === "linear" ? { type: m.type, zeroAt: num(m.zeroAt) } : m.type === "proportional" ? { type: m.type } : { type: m.type, bands: m.bands.map((b) => ({ upTo: num(b.upTo), points: num(b.points) })) };
  return { kind: c.kind, weight: num(c.weight), model };
}

export function awardJson(award: AwardResult, resolved: ResolvedAward): AwardJson {
  return {
    maxPoints: num(award.maxPoints),
    useMarkedUp: award.useMarkedUp,
    criteria: resolved.criteria.map(criterionJson),
    bids: award.bids.map((b) => ({
      id: b.id,
      values: {
        ...(b.values.price !== undefined && { price: num(b.values.price) }),
        ...(b.values.lcc !== undefined && { lcc: num(b.values.lcc) }),
        ...(b.values.climate !== undefined && { climateKg: num(b.values.climate) }),
      },
      points: Object.fromEntries(Object.entries(b.points).map(([k, v]) => [k, num(v)])),
      weighted: Object.fromEntries(Object.entries(b.weighted).map(([k, v]) => [k, num(v)])),
      total: num(b.total),
      rank: b.rank,
    })),
    rankings: { ...award.rankings },
    impliedCarbonPrices: award.impliedCarbonPrices.map((p) => ({
      lower: p.lower,
      higher: p.higher,
      savedKg: num(p.savedKg),
      nokPerTonne: p.nokPerTonne === null ? null : num(p.nokPerTonne),
      reason: p.reason,
      message: bilingual((lang) => impliedPriceMessage(p, lang)),
    })),
    reference: { source: award.reference.source, year: award.reference.year, nokPerTonne: num(award.reference.nokPerTonne), min: num(award.reference.min), max: num(award.reference.max) },
    notes: award.notes.map((n) => ({ code: n.code, message: bilingual((lang) => awardNoteMessage(n, award, lang)) })),
  };
}
