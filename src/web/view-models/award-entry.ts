/**
 * The award form as the buyer filled it in (every field as typed), the
 * form filled from a saved case, and the entry read into the case's
 * `award` and `dataQuality` sections. Numbers are read here, at the edge,
 * the user's way (parse-number.ts: «27,5» in bokmål, "27.5" in English);
 * a number that cannot be read is a problem on its own field in the
 * user's language, and the entry is kept as typed.
 *
 * Field names are flat (the body is read with extended: false):
 * maxPoints, costKind (price | lcc), cost-weight, cost-model, cost-zeroAt,
 * cost-upTo-<row>, cost-points-<row>, the same with climate-, quality-weight,
 * quality-points-<alternative index>, markup-spend, markup-generic,
 * markup-epd, useMarkedUp.
 *
 * A criterion whose weight is left empty is not used (climate and quality;
 * price or LCC is always used, so its empty weight is a problem).
 *
 * Example (nb): cost-weight «70», cost-model linear, cost-zeroAt «2»,
 * climate-weight «30», climate-model proportional →
 *   award: { maxPoints: 10, criteria: [{ kind: "price", weight: 70, model: { type: "linear", zeroAt: 2 } },
 *                                      { kind: "climate", weight: 30, model: { type: "proportional" } }] }
 */
import { Decimal } from "../../core/decimal.js";
import type { Lang } from "../../case/messages.js";
import { parseNumber } from "../../i18n/parse-number.js";
import { numberFormProblem } from "../editor/number-problem.js";
import { editableNumber, editablePercent, withoutPercentSign } from "../editor/numbers.js";
import { translateKey } from "../i18n/catalog.js";

/** Band rows the form offers at least, and the most one form reads (the case format's limit). */
export const BLANK_BAND_ROWS = 4;
export const MAX_BAND_ROWS = 50;
/** The longest text kept of a field. */
const FIELD_MAX = 200;

export const SCORED_GROUPS = ["cost", "climate"] as const;
export type ScoredGroup = (typeof SCORED_GROUPS)[number];
export const MODEL_TYPES = ["linear", "proportional", "intervals"] as const;
export const MARKUP_TIERS = ["spend", "generic", "epd"] as const;
export type MarkupTier = (typeof MARKUP_TIERS)[number];

export type BandRow = { upTo: string; points: string };
export type ScoredEntry = { weight: string; model: string; zeroAt: string; bands: BandRow[] };

/** What the user typed, field by field ("" for nothing). */
export type AwardEntry = {
  maxPoints: string;
  costKind: string;
  cost: ScoredEntry;
  climate: ScoredEntry;
  qualityWeight: string;
  /** By alternative index, as the case lists them. */
  qualityPoints: string[];
  markup: Record<MarkupTier, string>;
  useMarkedUp: boolean;
};

/** The case's alternatives the form names (quality points are given per bid). */
export type Bid = { id: string; name: string };

const blankBands = (count: number): BandRow[] => Array.from({ length: count }, () => ({ upTo: "", points: "" }));
const blankScored = (): ScoredEntry => ({ weight: "", model: "linear", zeroAt: "", bands: blankBands(BLANK_BAND_ROWS) });

export function blankEntry(bids: readonly Bid[]): AwardEntry {
  return { maxPoints: "10", costKind: "price", cost: blankScored(), climate: blankScored(), qualityWeight: "", qualityPoints: bids.map(() => ""), markup: { spend: "", generic: "", epd: "" }, useMarkedUp: false };
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The case's alternatives as the document lists them (the bids the quality points are given to). */
export function bidsOf(document: Json): Bid[] {
  return list(document.alternatives).map((raw, i) => {
    const a = obj(raw);
    const id = typeof a.id === "string" ? a.id : String(i + 1);
    return { id, name: typeof a.name === "string" && a.name.trim() !== "" ? a.name : id };
  });
}

/** A saved case's award and mark-ups as the form shows them: numbers written the user's way, exactly. */
export function entryOfCase(document: Json, bids: readonly Bid[], lang: Lang): AwardEntry {
  const entry = blankEntry(bids);
  const written = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? editableNumber(v, { lang }) : "");
  const award = obj(document.award);
  const markup = obj(obj(document.dataQuality).markup);
  for (const tier of MARKUP_TIERS) entry.markup[tier] = typeof markup[tier] === "number" ? editablePercent(markup[tier], lang) : "";
  if (document.award === undefined) return entry;
  entry.maxPoints = written(award.maxPoints) || "10";
  entry.useMarkedUp = award.useMarkedUp === true;
  for (const raw of list(award.criteria)) {
    const criterion = obj(raw);
    if (criterion.kind === "quality") {
      entry.qualityWeight = written(criterion.weight);
      const points = obj(criterion.points);
      entry.qualityPoints = bids.map((b) => (Object.hasOwn(points, b.id) ? written(points[b.id]) : ""));
      continue;
    }
    const group: ScoredGroup = criterion.kind === "climate" ? "climate" : "cost";
    if (group === "cost") entry.costKind = criterion.kind === "lcc" ? "lcc" : "price";
    const model = obj(criterion.model);
    const bands = list(model.bands).map((b) => ({ upTo: written(obj(b).upTo), points: written(obj(b).points) }));
    entry[group] = {
      weight: written(criterion.weight),
      model: typeof model.type === "string" ? model.type : "linear",
      zeroAt: written(model.zeroAt),
      bands: [...bands, ...blankBands(Math.max(BLANK_BAND_ROWS - bands.length, 1))],
    };
  }
  return entry;
}

/** A form field's text: a string (the first, if sent twice), cut to FIELD_MAX; anything else is "". */
function textOf(body: Json, name: string): string {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === "string" ? one.slice(0, FIELD_MAX) : "";
}

/** The entry as sent: filled band rows first, then at least one blank one (BLANK_BAND_ROWS in all). */
export function entryOfBody(raw: unknown, bids: readonly Bid[]): AwardEntry {
  const body = obj(raw);
  const get = (name: string) => textOf(body, name);
  const scored = (group: ScoredGroup): ScoredEntry => {
    const rows: BandRow[] = [];
    for (let row = 0; row < MAX_BAND_ROWS && (Object.hasOwn(body, `${group}-upTo-${row}`) || Object.hasOwn(body, `${group}-points-${row}`)); row++) {
      rows.push({ upTo: get(`${group}-upTo-${row}`), points: get(`${group}-points-${row}`) });
    }
    const filled = rows.filter((r) => r.upTo.trim() !== "" || r.points.trim() !== "");
    const blanks = Math.min(Math.max(BLANK_BAND_ROWS - filled.length, 1), MAX_BAND_ROWS - filled.length);
    return { weight: get(`${group}-weight`), model: get(`${group}-model`), zeroAt: get(`${group}-zeroAt`), bands: [...filled, ...blankBands(blanks)] };
  };
  return {
    maxPoints: get("maxPoints"),
    costKind: get("costKind"),
    cost: scored("cost"),
    climate: scored("climate"),
    qualityWeight: get("quality-weight"),
    qualityPoints: bids.map((_, i) => get(`quality-points-${i}`)),
    markup: { spend: get("markup-spend"), generic: get("markup-generic"), epd: get("markup-epd") },
    useMarkedUp: get("useMarkedUp") !== "",
  };
}

/** Field ids, one rule for the form and for the problems' links. */
export const awardFieldId = {
  maxPoints: "award-max-points",
  costKind: (kind: string) => `award-cost-kind-${kind}`,
  weight: (group: ScoredGroup | "quality") => `award-${group}-weight`,
  model: (group: ScoredGroup) => `award-${group}-model`,
  zeroAt: (group: ScoredGroup) => `award-${group}-zero-at`,
  upTo: (group: ScoredGroup, row: number) => `award-${group}-up-to-${row}`,
  bandPoints: (group: ScoredGroup, row: number) => `award-${group}-band-points-${row}`,
  qualityPoints: (bid: number) => `award-quality-points-${bid}`,
  markup: (tier: MarkupTier) => `award-markup-${tier}`,
  useMarkedUp: "award-use-marked-up",
} as const;

export type EdgeErrors = Map<string, string>;

/** Which field each array index of the case's `award` came from: criteria by group, bands by form row. */
export type EntryIndex = { criteria: (ScoredGroup | "quality")[]; bandRows: Record<ScoredGroup, number[]> };

/**
 * The case's `award` and `dataQuality` as the entry asks for them (what
 * could not be read left as typed, for the case check to refuse), with the
 * edge's own problems by field id. `dataQuality` is undefined when no
 * mark-up is given (the section is then left out of the case).
 */
export function awardInputOf(entry: AwardEntry, bids: readonly Bid[], lang: Lang): { award: Json; dataQuality: Json | undefined; errors: EdgeErrors; index: EntryIndex } {
  const errors: EdgeErrors = new Map();
  /** A number the user's way: "" is missing, else the number, or (a problem here) the text as typed. */
  const number = (raw: string, id: string, percent = false): number | string | undefined => {
    const t = percent ? withoutPercentSign(raw) : raw;
    if (t.trim() === "") return undefined;
    const parsed = parseNumber(t.trim(), lang);
    if (parsed.ok) return Number(parsed.decimal);
    const problem = numberFormProblem(t, parsed.problem, lang);
    errors.set(id, translateKey(lang, `editor.problem.${problem.code}`, problem.params));
    return t.trim();
  };

  const index: EntryIndex = { criteria: [], bandRows: { cost: [], climate: [] } };
  const criteria: Json[] = [];
  const scored = (group: ScoredGroup, kind: string) => {
    const s = entry[group];
    const weight = number(s.weight, awardFieldId.weight(group), true);
    let model: Json;
    if (s.model === "proportional") model = { type: "proportional" };
    else if (s.model === "intervals") {
      const bands: Json[] = [];
      s.bands.forEach((band, row) => {
        if (band.upTo.trim() === "" && band.points.trim() === "") return;
        index.bandRows[group].push(row);
        bands.push({ upTo: number(band.upTo, awardFieldId.upTo(group, row)), points: number(band.points, awardFieldId.bandPoints(group, row)) });
      });
      model = { type: "intervals", bands };
    } else if (s.model === "linear") model = { type: "linear", zeroAt: number(s.zeroAt, awardFieldId.zeroAt(group)) };
    else model = { type: s.model };
    index.criteria.push(group);
    criteria.push({ kind, weight, model });
  };
  scored("cost", entry.costKind);
  if (entry.climate.weight.trim() !== "") scored("climate", "climate");
  if (entry.qualityWeight.trim() !== "") {
    // fromEntries defines each id as an own key, whatever it is called ("__proto__" included)
    const points: Json = Object.fromEntries(
      bids.flatMap((bid, i) => {
        const value = number(entry.qualityPoints[i] ?? "", awardFieldId.qualityPoints(i));
        return value === undefined ? [] : [[bid.id, value] as const];
      }),
    );
    index.criteria.push("quality");
    criteria.push({ kind: "quality", weight: number(entry.qualityWeight, awardFieldId.weight("quality"), true), points });
  }

  const award: Json = { maxPoints: number(entry.maxPoints, awardFieldId.maxPoints), criteria };
  if (entry.useMarkedUp) award.useMarkedUp = true;
  const markup: Json = {};
  for (const tier of MARKUP_TIERS) {
    const value = number(entry.markup[tier], awardFieldId.markup(tier), true);
    // typed in percent, kept as a fraction (25 → 0.25), exactly
    if (value !== undefined) markup[tier] = typeof value === "number" ? new Decimal(String(value)).div(100).toNumber() : value;
  }
  return { award, dataQuality: Object.keys(markup).length > 0 ? { markup } : undefined, errors, index };
}

type Segment = string | number;

/** "award.criteria[1].model.bands[0].upTo" → ["award", "criteria", 1, "model", "bands", 0, "upTo"]. */
function segmentsOf(path: string): Segment[] {
  return [...path.matchAll(/\[(\d+)\]|[^.[\]]+/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[0]));
}

/** The form field a case problem's path names, or undefined (the problem is then listed without a field). */
export function fieldIdOfPath(path: string, index: EntryIndex, bids: readonly Bid[]): string | undefined {
  const [a, b, c, d, e, f, g] = segmentsOf(path);
  if (a === "dataQuality") return MARKUP_TIERS.includes(d as MarkupTier) ? awardFieldId.markup(d as MarkupTier) : awardFieldId.markup("spend");
  if (a !== "award") return undefined;
  if (b === "maxPoints") return awardFieldId.maxPoints;
  if (b === "useMarkedUp") return awardFieldId.useMarkedUp;
  if (b !== "criteria") return awardFieldId.maxPoints;
  // a problem with the criteria as a whole (the weights' sum, a kind given twice): beside the first weight
  const group = typeof c === "number" ? index.criteria[c] : undefined;
  if (group === undefined) return awardFieldId.weight("cost");
  if (group === "quality") {
    if (d !== "points") return awardFieldId.weight("quality");
    // the bid's id is all that follows "points." (an id may hold dots or brackets of its own)
    const id = /^award\.criteria\[\d+\]\.points\.(.+)$/s.exec(path)?.[1];
    const bid = id === undefined ? -1 : bids.findIndex((x) => x.id === id);
    return awardFieldId.qualityPoints(Math.max(bid, 0));
  }
  if (d === "kind") return awardFieldId.costKind("price");
  if (d === "model") {
    if (e === "zeroAt") return awardFieldId.zeroAt(group);
    if (e === "bands") {
      const row = typeof f === "number" ? index.bandRows[group][f] : undefined;
      if (row === undefined) return awardFieldId.upTo(group, index.bandRows[group][0] ?? 0);
      return g === "points" ? awardFieldId.bandPoints(group, row) : awardFieldId.upTo(group, row);
    }
    return awardFieldId.model(group);
  }
  return awardFieldId.weight(group);
}
