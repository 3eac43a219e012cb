/**
 * A stored case document as editor form state: numbers written the way
 * the user's language writes them ("1200 kg" → "1 200 kg" in bokmål,
 * "1,200 kg" in English; 0.035 → "3,5" or "3.5" percent), absent
 * optional fields as empty fields. Tolerant of any JSON: a field of an
 * unexpected type is shown as its JSON text so nothing is hidden.
 */
import type { Lang } from "../../case/messages.js";
import { blankCost, blankEmission, type AlternativeForm, type CaseForm, type CostRow, type EmissionRow } from "./form-model.js";
import { editableDecimal, editableNumber, editablePercent } from "./numbers.js";

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function plain(v: unknown): string {
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

/** A number written the user's way; other values as they are. */
function num(v: unknown, lang: Lang, group = true): string {
  return typeof v === "number" && Number.isFinite(v) ? editableNumber(v, { group, lang }) : plain(v);
}

const pct = (v: unknown, lang: Lang) => (typeof v === "number" && Number.isFinite(v) ? editablePercent(v, lang) : plain(v));

/**
 * "1200 kg" → number "1200" and the rest " kg": a plain decimal (digits,
 * at most one point inside) at the start, or null. One pass.
 */
function leadingDecimal(text: string): { number: string; rest: string } | null {
  const t = text.trimStart();
  const start = t.startsWith("-") ? 1 : 0;
  let point = false;
  let i = start;
  for (; i < t.length; i++) {
    const c = t[i]!;
    if (c >= "0" && c <= "9") continue;
    if (c === "." && !point && i > start) point = true;
    else break;
  }
  const number = t.slice(0, i);
  return i === start || number.endsWith(".") ? null : { number, rest: t.slice(i) };
}

/** "1200 kg" → "1 200 kg", "0.8 kg" → "0,8 kg" (English "1,200 kg", "0.8 kg"); other text unchanged. */
function quantityText(v: unknown, lang: Lang): string {
  if (typeof v === "number") return num(v, lang);
  if (typeof v !== "string") return plain(v);
  const m = leadingDecimal(v);
  // the unit follows after whitespace ("1200 kg"), or there is none ("4")
  return m && (m.rest === "" || m.rest.trimStart() !== m.rest) ? `${editableDecimal(m.number, { lang })}${m.rest}` : v;
}

/** 180000 or "180000 NOK" → "180 000" (English "180,000"). */
function amountText(v: unknown, lang: Lang): string {
  if (typeof v === "number") return num(v, lang);
  if (typeof v !== "string") return plain(v);
  const m = leadingDecimal(v);
  const currency = m?.rest.trim().toLowerCase();
  return m && !m.number.startsWith("-") && (currency === "" || currency === "nok" || currency === "kr") ? editableDecimal(m.number, { lang }) : v;
}

/** A factor given per calendar year (`{ byYear, unit }`) goes to the row's hidden field as the case file writes it. */
const isYearFactor = (v: unknown) => typeof v === "object" && v !== null && "byYear" in v;

function factorText(v: unknown, lang: Lang): string {
  if (isYearFactor(v)) return "";
  const inline = obj(v);
  if (typeof v === "object" && v !== null && typeof inline.value === "number" && typeof inline.unit === "string") return `${editableNumber(inline.value, { lang })} ${inline.unit}`;
  return plain(v);
}

const atText = (v: unknown, lang: Lang) => (v === "end" ? (lang === "nb" ? "slutt" : "end") : num(v, lang, false));

/** The EPD's fields; an EPD that is not an object is shown as its text in the registration field, so nothing is hidden. */
function epdFields(v: unknown): Pick<EmissionRow, "epd.registration" | "epd.verifier" | "epd.programme"> {
  if (v === undefined || v === null) return { "epd.registration": "", "epd.verifier": "", "epd.programme": "" };
  const epd = obj(v);
  if (epd !== v) return { "epd.registration": plain(v), "epd.verifier": "", "epd.programme": "" };
  return { "epd.registration": plain(epd.registration), "epd.verifier": plain(epd.verifier), "epd.programme": plain(epd.programme) };
}

function emissionRow(v: unknown, lang: Lang): EmissionRow {
  const e = obj(v);
  return {
    ...blankEmission(),
    label: plain(e.label),
    kind: plain(e.kind),
    factor: factorText(e.factor, lang),
    quantity: quantityText(e.quantity, lang),
    count: num(e.count, lang),
    at: atText(e.at, lang),
    every: num(e.every, lang, false),
    life: num(e.life, lang, false),
    stage: plain(e.stage),
    scope: plain(e.scope),
    existingStock: e.existingStock === true ? "true" : e.existingStock === undefined || e.existingStock === false ? "" : plain(e.existingStock),
    tier: plain(e.tier),
    ...epdFields(e.epd),
    factorByYear: isYearFactor(e.factor) ? JSON.stringify(e.factor) : "",
  };
}

function costRow(v: unknown, lang: Lang): CostRow {
  const c = obj(v);
  return { ...blankCost(), label: plain(c.label), kind: plain(c.kind), amount: amountText(c.amount, lang), at: atText(c.at, lang), every: num(c.every, lang, false), life: num(c.life, lang, false), escalation: pct(c.escalation, lang) };
}

function alternative(v: unknown, lang: Lang): AlternativeForm {
  const a = obj(v);
  return { id: plain(a.id), name: plain(a.name), wasteLevel: plain(a.wasteLevel), emissions: list(a.emissions).map((e) => emissionRow(e, lang)), costs: list(a.costs).map((c) => costRow(c, lang)) };
}

function carbonPriceFields(v: unknown, lang: Lang): { carbonPrice: string; carbonPriceCustom: string } {
  if (v === undefined || v === null) return { carbonPrice: "", carbonPriceCustom: "" };
  if (typeof v === "string") return { carbonPrice: v, carbonPriceCustom: "" };
  const table = obj(v);
  const entries = Object.entries(table).map(([year, price]) => `${year}: ${num(price, lang)}`);
  return { carbonPrice: "custom", carbonPriceCustom: entries.length > 0 ? entries.join("; ") : plain(v) };
}

export function caseToForm(document: unknown, lang: Lang): CaseForm {
  const doc = obj(document);
  const analysis = obj(doc.analysis);
  return {
    title: plain(doc.title),
    category: plain(doc.category),
    functionalUnit: plain(doc.functionalUnit),
    analysis: {
      startYear: num(analysis.startYear, lang, false),
      years: num(analysis.years, lang, false),
      discountRate: pct(analysis.discountRate, lang),
      ...carbonPriceFields(analysis.carbonPrice, lang),
      electricity: plain(analysis.electricity),
      priceYear: num(analysis.priceYear, lang, false),
    },
    factorSet: plain(doc.factorSet),
    baseline: plain(doc.baseline),
    ranking: plain(doc.ranking),
    alternatives: list(doc.alternatives).map((a) => alternative(a, lang)),
  };
}

