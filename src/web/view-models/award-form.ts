/**
 * The award form as the page draws it (views/partials/award-form.hbs):
 * every field with its label, hint and error (linked by
 * aria-describedby), the error summary at the top with a link to each
 * field, and the case problems (a path such as award.criteria[1].weight)
 * put beside the field they concern. A problem no field holds is still
 * listed in the summary, linked to the form's heading.
 *
 * Example: a problem at "award.criteria[1].model.zeroAt" when climate is
 * the second criterion → beside #award-climate-zero-at.
 */
import type { Lang, Problem } from "../../case/messages.js";
import { problemMessage } from "../../case/messages.js";
import { placeOf } from "../../i18n/case-place.js";
import { translate } from "../i18n/catalog.js";
import { awardFieldId, fieldIdOfPath, MARKUP_TIERS, MODEL_TYPES, type AwardEntry, type Bid, type EdgeErrors, type EntryIndex, type ScoredGroup } from "./award-entry.js";
import { field, optionsOf, type Field, type FormSummary } from "./form-fields.js";

/** The id of the form's heading: where a problem without a field of its own links to. */
export const AWARD_FORM_ID = "award-form-title";

export type AwardErrors = { byField: Map<string, string>; loose: string[] };

/** Every problem's message by field id (the edge's own first: they say what was typed), and those no field holds (with the place they concern). */
export function errorsByField(edge: EdgeErrors, problems: readonly Problem[], index: EntryIndex, bids: readonly Bid[], document: unknown, lang: Lang): AwardErrors {
  const byField = new Map(edge);
  const loose: string[] = [];
  for (const problem of problems) {
    const id = fieldIdOfPath(problem.path, index, bids);
    const message = problemMessage(problem, lang);
    if (id === undefined) loose.push(`${placeOf(problem.path, document, lang)}: ${message}`);
    else if (!byField.has(id)) byField.set(id, message);
  }
  return { byField, loose };
}

type Cell = { id: string; name: string; value: string; label: string; error?: string; hint?: string; describedBy: string };
type Choice = { id: string; name: string; value: string; label: string; checked: boolean };

/** The hint above the form on how to write numbers: every table cell names it (a cell has no hint of its own). */
export const NUMBER_HINT_ID = "award-number-hint";

const cellOf = (id: string, name: string, value: string, label: string, error: string | undefined, hint?: string): Cell => ({
  id,
  name,
  value,
  label,
  ...(error ? { error } : {}),
  ...(hint ? { hint } : {}),
  describedBy: [NUMBER_HINT_ID, hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" "),
});

/**
 * A bid's quality field left blank under a quality criterion: valid (the
 * buyer may judge quality after the bids are in), but the award is not
 * computed until it is given, so the field says so beside it.
 */
function qualityPending(entry: AwardEntry, i: number, lang: Lang): string | undefined {
  return entry.qualityWeight.trim() !== "" && (entry.qualityPoints[i] ?? "").trim() === "" ? translate(lang, "award.quality.missing") : undefined;
}

function scoredModel(entry: AwardEntry, group: ScoredGroup, error: (id: string) => string | undefined, lang: Lang) {
  const s = entry[group];
  const unit = translate(lang, group === "cost" ? "award.unit.nok" : "award.unit.tonnes");
  return {
    group,
    weight: field({ id: awardFieldId.weight(group), name: `${group}-weight`, label: translate(lang, "award.field.weight"), hint: translate(lang, group === "cost" ? "award.hint.costWeight" : "award.hint.climateWeight"), value: s.weight, error: error(awardFieldId.weight(group)), maxlength: 20 }),
    model: field({ id: awardFieldId.model(group), name: `${group}-model`, label: translate(lang, "award.field.model"), value: s.model, error: error(awardFieldId.model(group)), options: optionsOf(MODEL_TYPES, (m) => translate(lang, `award.model.${m as (typeof MODEL_TYPES)[number]}`), s.model) }),
    zeroAt: field({ id: awardFieldId.zeroAt(group), name: `${group}-zeroAt`, label: translate(lang, "award.field.zeroAt"), hint: translate(lang, "award.hint.zeroAt"), value: s.zeroAt, error: error(awardFieldId.zeroAt(group)), maxlength: 20 }),
    bandsCaption: translate(lang, "award.bands.caption", { unit }),
    // the interval table folds away unless it is the model chosen, or holds something typed or a problem
    bandsOpen: s.model === "intervals" || s.bands.some((b, row) => b.upTo.trim() !== "" || b.points.trim() !== "" || error(awardFieldId.upTo(group, row)) !== undefined || error(awardFieldId.bandPoints(group, row)) !== undefined),
    upToHeader: translate(lang, "award.bands.upTo", { unit }),
    bands: s.bands.map((band, row) => ({
      row: row + 1,
      upTo: cellOf(awardFieldId.upTo(group, row), `${group}-upTo-${row}`, band.upTo, translate(lang, "award.bands.upToRow", { row: row + 1, unit }), error(awardFieldId.upTo(group, row))),
      points: cellOf(awardFieldId.bandPoints(group, row), `${group}-points-${row}`, band.points, translate(lang, "award.bands.pointsRow", { row: row + 1 }), error(awardFieldId.bandPoints(group, row))),
    })),
  };
}

export type AwardForm = ReturnType<typeof awardFormModel>;

/** The form with the entry's values and each field's problem; `version`: the case version a save expects. */
export function awardFormModel(entry: AwardEntry, errors: AwardErrors, bids: readonly Bid[], version: number, lang: Lang) {
  const error = (id: string) => errors.byField.get(id);
  const costKind = entry.costKind === "lcc" ? "lcc" : "price";
  const costKinds: Choice[] = (["price", "lcc"] as const).map((k) => ({ id: awardFieldId.costKind(k), name: "costKind", value: k, label: translate(lang, `award.costKind.${k}`), checked: k === costKind }));
  const cost = scoredModel(entry, "cost", error, lang);
  const climate = scoredModel(entry, "climate", error, lang);
  const quality = {
    weight: field({ id: awardFieldId.weight("quality"), name: "quality-weight", label: translate(lang, "award.field.weight"), hint: translate(lang, "award.hint.qualityWeight"), value: entry.qualityWeight, error: error(awardFieldId.weight("quality")), maxlength: 20 }),
    points: bids.map((bid, i) => ({ name: bid.name, cell: cellOf(awardFieldId.qualityPoints(i), `quality-points-${i}`, entry.qualityPoints[i] ?? "", translate(lang, "award.quality.pointsFor", { bid: bid.name }), error(awardFieldId.qualityPoints(i)), qualityPending(entry, i, lang)) })),
  };
  const markups = MARKUP_TIERS.map((tier) => field({ id: awardFieldId.markup(tier), name: `markup-${tier}`, label: translate(lang, `award.markup.${tier}`), value: entry.markup[tier], error: error(awardFieldId.markup(tier)), maxlength: 20 }));
  const maxPoints = field({ id: awardFieldId.maxPoints, name: "maxPoints", label: translate(lang, "award.field.maxPoints"), hint: translate(lang, "award.hint.maxPoints"), value: entry.maxPoints, error: error(awardFieldId.maxPoints), maxlength: 20 });
  const useMarkedUp = { id: awardFieldId.useMarkedUp, checked: entry.useMarkedUp, error: error(awardFieldId.useMarkedUp) };

  // the summary in the order of the form, then the problems no field holds
  const items: FormSummary["items"] = [];
  const add = (id: string, label: string, message: string | undefined) => {
    if (message) items.push({ href: id, label, message });
  };
  const criterionName = (group: ScoredGroup | "quality") => translate(lang, group === "cost" ? `award.costKind.${costKind}` : `award.criterion.${group}`);
  add(maxPoints.id, maxPoints.label, maxPoints.error);
  add(costKinds[0]!.id, translate(lang, "award.costKind.legend"), error(awardFieldId.costKind("price")));
  for (const s of [cost, climate]) {
    const name = criterionName(s.group);
    for (const f of [s.weight, s.model, s.zeroAt]) add(f.id, `${name}, ${f.label.toLocaleLowerCase(lang === "nb" ? "nb-NO" : "en-GB")}`, f.error);
    // «Klima (CO2e), rad 2, «opp til» (t CO2e)»: the cell's place said as a phrase, not its aria label run on
    const unit = translate(lang, s.group === "cost" ? "award.unit.nok" : "award.unit.tonnes");
    for (const b of s.bands) {
      add(b.upTo.id, `${name}, ${translate(lang, "award.errorLabel.upToRow", { row: b.row, unit })}`, b.upTo.error);
      add(b.points.id, `${name}, ${translate(lang, "award.errorLabel.pointsRow", { row: b.row })}`, b.points.error);
    }
  }
  add(quality.weight.id, `${criterionName("quality")}, ${quality.weight.label.toLocaleLowerCase(lang === "nb" ? "nb-NO" : "en-GB")}`, quality.weight.error);
  for (const p of quality.points) add(p.cell.id, p.cell.label, p.cell.error);
  for (const m of markups) add(m.id, m.label, m.error);
  add(useMarkedUp.id, translate(lang, "award.useMarkedUp"), useMarkedUp.error);
  for (const message of errors.loose) items.push({ href: AWARD_FORM_ID, label: translate(lang, "award.formTitle"), message });
  const summary: FormSummary | undefined = items.length === 0 ? undefined : { id: "award-errors", title: translate(lang, "form.errors", { count: items.length }), items };

  return { version, summary, maxPoints, costKinds, costKindError: error(awardFieldId.costKind("price")), cost, climate, quality, markups, useMarkedUp };
}

export type { Field };
