/**
 * View model of the award page (GET/POST /cases/:id/award): the form for
 * a buyer (or the criteria read-only for an adviser or a finance user),
 * and the saved version's figures (award-results.ts), or the case's
 * problems where it does not evaluate, or the warning that says why the
 * award is not computed yet (quality points missing for some bids), or a
 * word on what to do where it sets no award yet.
 */
import type { Lang } from "../../case/messages.js";
import { warningMessage } from "../../case/warnings.js";
import type { StoredEvaluation } from "../evaluation.js";
import { translate } from "../i18n/catalog.js";
import type { AwardForm } from "./award-form.js";
import { awardResultsModel, criteriaModel } from "./award-results.js";
import { caseLinks, problemsModel } from "./compare.js";

export type AwardPageInput = { evaluated: StoredEvaluation; form: AwardForm | undefined; lang: Lang; saved: boolean; conflict: boolean; edited: boolean };

export function awardPageModel({ evaluated, form, lang, saved, conflict, edited }: AwardPageInput) {
  const { stored, evaluation } = evaluated;
  const links = caseLinks(stored.id);
  const results = evaluation.ok ? awardResultsModel(evaluation, lang) : null;
  // a valid award that waits for the buyer's quality points: the warning is said instead of results
  const pending = evaluation.ok && results === null ? evaluation.warnings.filter((w) => w.code === "award-quality-missing").map((w) => warningMessage(w, lang)) : [];
  return {
    pageTitle: translate(lang, "award.pageTitle", { title: stored.title }),
    title: stored.title,
    caseId: stored.id,
    links: { ...links, award: `${links.compare}/award` },
    form,
    // the form is answered in the language it was drawn in (the editor's way), whatever the session's
    formAction: `${links.compare}/award?lang=${lang}`,
    // read-only: the criteria as saved, when the case evaluates and sets them
    readOnly: form === undefined ? { criteria: evaluation.ok && evaluation.resolved.award ? criteriaModel(evaluation.resolved.award, lang) : null } : null,
    notice: saved ? translate(lang, "award.saved") : undefined,
    conflict: conflict ? translate(lang, "award.conflict") : undefined,
    // after a refused save the figures below are still the saved version's: said so
    resultsOfSaved: edited,
    problems: evaluation.ok ? null : problemsModel(evaluated, lang),
    results,
    pending: pending.length > 0 ? pending : null,
    noAward: evaluation.ok && results === null && pending.length === 0,
  };
}
