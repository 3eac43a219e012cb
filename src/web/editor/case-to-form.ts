/**
 * A stored case document as editor form state: numbers written the
 * Norwegian way ("1200 kg" → "1 200 kg", 0.035 → "3,5" percent), absent
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

/** A number shown the Norwegian way; other values as they are. */
function num(v: unknown, group = true): string {
  return typeof v === "number" && Number.isFinite(v) ? editableNumber(v, { group }) : plain(v);
}

const pct = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? editablePercent(v) : plain(v));

/** "1200 kg" → "1 200 kg", "0.8 kg" → "0,8 kg"; other text unchanged. */
function quantityText(v: unknown): string {
  if (typeof v === "number") return num(v);
  if (typeof v !== "string") return plain(v);
  const m = /^\s*(-?\d+(?:\.\d+)?)(\s+.*|)$/s.exec(v);
  return m ? `${editableDecimal(m[1]!)}${m[2]}` : v;
}

/** 180000 or "180000 NOK" → "180 000". */
function amountText(v: unknown): string {
  if (typeof v === "number") return num(v);
  if (typeof v !== "string") return plain(v);
  const m = /^\s*(\d+(?:\.\d+)?)\s*(NOK|kr)?\s*$/i.exec(v);
  return m ? editableDecimal(m[1]!) : v;
}

function factorText(v: unknown): string {
  const inline = obj(v);
  if (typeof v === "object" && v !== null && typeof inline.value === "number" && typeof inline.unit === "string") return `${editableNumber(inline.value)} ${inline.unit}`;
  return plain(v);
}

const atText = (v: unknown, lang: Lang) => (v === "end" ? (lang === "nb" ? "slutt" : "end") : num(v, false));

function emissionRow(v: unknown, lang: Lang): EmissionRow {
  const e = obj(v);
  return {
    ...blankEmission(),
    label: plain(e.label),
    kind: plain(e.kind),
    factor: factorText(e.factor),
    quantity: quantityText(e.quantity),
    count: num(e.count),
    at: atText(e.at, lang),
    every: num(e.every, false),
    life: num(e.life, false),
    stage: plain(e.stage),
    scope: plain(e.scope),
    existingStock: e.existingStock === true ? "true" : e.existingStock === undefined || e.existingStock === false ? "" : plain(e.existingStock),
  };
}

function costRow(v: unknown, lang: Lang): CostRow {
  const c = obj(v);
  return { ...blankCost(), label: plain(c.label), kind: plain(c.kind), amount: amountText(c.amount), at: atText(c.at, lang), every: num(c.every, false), life: num(c.life, false), escalation: pct(c.escalation) };
}

function alternative(v: unknown, lang: Lang): AlternativeForm {
  const a = obj(v);
  return { id: plain(a.id), name: plain(a.name), wasteLevel: plain(a.wasteLevel), emissions: list(a.emissions).map((e) => emissionRow(e, lang)), costs: list(a.costs).map((c) => costRow(c, lang)) };
}

function carbonPriceFields(v: unknown): { carbonPrice: string; carbonPriceCustom: string } {
  if (v === undefined || v === null) return { carbonPrice: "", carbonPriceCustom: "" };
  if (typeof v === "string") return { carbonPrice: v, carbonPriceCustom: "" };
  const table = obj(v);
  const entries = Object.entries(table).map(([year, price]) => `${year}: ${num(price)}`);
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
      startYear: num(analysis.startYear, false),
      years: num(analysis.years, false),
      discountRate: pct(analysis.discountRate),
      ...carbonPriceFields(analysis.carbonPrice),
      electricity: plain(analysis.electricity),
      priceYear: num(analysis.priceYear, false),
    },
    factorSet: plain(doc.factorSet),
    baseline: plain(doc.baseline),
    ranking: plain(doc.ranking),
    alternatives: list(doc.alternatives).map((a) => alternative(a, lang)),
  };
}

