/**
 * The screening's answer, GET /climate/screening: total tonnes, the share
 * of spend mapped, the hot spots (largest categories and suppliers, the
 * categories on DFØ's high-risk list flagged, with the list cited), the
 * tables by category, supplier, function and year, the unmapped accounts
 * (each with a link that opens the mapping form prefilled) and the lines
 * kept out of scope with their reasons. Every figure is the application
 * layer's decimal text, only rounded here for the page.
 */
import type { Lang } from "../../case/messages.js";
import { PURCHASE_CATEGORIES } from "../../core/climate/categories.js";
import type { DefaultMapping, ScreeningResult, ScreeningRow } from "../../ledger/types.js";
import { formatNumber } from "../../i18n/numbers.js";
import { translate } from "../i18n/catalog.js";
import { pageTitle } from "../page.js";
import { formatDecimalText, formatShare } from "./decimal-figures.js";
import { climateSubnav } from "./climate-subnav.js";

/** Tonnes CO2e to one decimal, NOK in whole kroner. */
const TONNE_DECIMALS = 1;
/** The factor set's checksum is shown by its first hex digits (without "sha256:"); the whole one is behind a disclosure. */
const SHORT_HASH = 12;

export type HighRiskCitation = { title: string; url: string; year: number; publisher: string };

/** Named unlike the template helpers (`tonnes`, `nok`), which a bare {{tonnes}} would call instead. */
type Row = { name: string; tCo2e: string; kroner: string; lines: string };

function rowOf(row: ScreeningRow, name: string, lang: Lang): Row {
  return { name, tCo2e: formatDecimalText(row.tonnes, lang, TONNE_DECIMALS), kroner: formatDecimalText(row.nok, lang, 0), lines: formatNumber(row.lines, lang) };
}

/** The default mapping's reasons by their bokmål text, so a kept screening (worded in bokmål) shows a default's reason in the page's language. */
function defaultReasons(defaults: DefaultMapping): Map<string, { nb: string; en: string }> {
  return new Map(defaults.rules.map((r) => [r.reason.nb, r.reason]));
}

export function screeningModel(input: { result: ScreeningResult | null; defaults: DefaultMapping; highRisk: HighRiskCitation; lang: Lang }) {
  const { result, lang } = input;
  const base = { pageTitle: pageTitle(translate(lang, "screening.pageTitle")), subnav: climateSubnav("screening", lang) };
  if (!result) return { ...base, empty: true as const };
  const category = (r: ScreeningResult["byCategory"][number]) => ({ ...rowOf(r, PURCHASE_CATEGORIES[r.category]?.[lang] ?? r.category, lang), highRisk: r.highRisk });
  const supplier = (r: ScreeningResult["bySupplier"][number]) => ({ ...rowOf(r, r.key === "" ? translate(lang, "screening.noSupplier") : r.name, lang), orgNumber: r.orgNumber ?? "" });
  const reasons = defaultReasons(input.defaults);
  return {
    ...base,
    empty: false as const,
    intro: translate(lang, "screening.intro", { set: result.factorSet }),
    figures: {
      totalTonnes: formatDecimalText(result.totalTonnes, lang, TONNE_DECIMALS),
      mappedShare: formatShare(result.spend.mappedShare, lang, 1),
      spend: formatDecimalText(result.spend.totalNok, lang, 0),
      outOfScopeSpend: formatDecimalText(result.spend.outOfScopeNok, lang, 0),
      lines: formatNumber(result.lines.total, lang),
      linesDetail: translate(lang, "screening.linesDetail", {
        mapped: formatNumber(result.lines.mapped, lang),
        outOfScope: formatNumber(result.lines.outOfScope, lang),
        unmapped: formatNumber(result.lines.unmapped, lang),
        creditNotes: result.lines.creditNotes,
      }),
    },
    anyHighRisk: result.byCategory.some((r) => r.highRisk),
    highRisk: { source: translate(lang, "screening.highRiskSource", { title: input.highRisk.title, year: String(input.highRisk.year) }), url: input.highRisk.url },
    hotSuppliers: result.hotSpots.suppliers.map(supplier),
    byCategory: result.byCategory.map(category),
    bySupplier: result.bySupplier.map(supplier),
    byFunction: result.byFunction.map((r) => rowOf(r, r.key === "" ? translate(lang, "screening.noFunction") : r.name, lang)),
    byYear: result.byYear.map((r) => rowOf(r, String(r.year), lang)),
    unmapped: result.unmapped.map((u) => ({
      account: u.account,
      lines: formatNumber(u.lines, lang),
      kroner: formatDecimalText(u.nok, lang, 0),
      href: `/climate/mapping?account=${encodeURIComponent(u.account)}#new-rule`,
      label: translate(lang, "screening.mapThisLabel", { account: u.account }),
    })),
    outOfScope: result.outOfScope.map((o) => ({ account: o.account, reason: reasons.get(o.reason)?.[lang] ?? o.reason, lines: formatNumber(o.lines, lang), kroner: formatDecimalText(o.nok, lang, 0) })),
    priceYearClamped: result.priceYearClamped.length > 0 ? translate(lang, "screening.priceYearClamped", { years: result.priceYearClamped.join(", "), count: result.priceYearClamped.length }) : undefined,
    factorSetNote: translate(lang, "screening.factorSet", { set: result.factorSet, hash: result.factorSetHash.replace(/^sha256:/, "").slice(0, SHORT_HASH) }),
    factorSetHash: result.factorSetHash,
  };
}
