/**
 * View model of the printable report (GET /cases/:id/report): the figures of
 * the comparison page plus what a filed report must carry: the factor set
 * id and hash, the time it was made (UTC) and every source. Chromium renders
 * the same page to PDF.
 */
import type { Lang } from "../../case/messages.js";
import type { StoredEvaluation } from "../evaluation.js";
import { compareModel } from "./compare.js";

/** "2026-05-04 09:15 UTC" from an ISO instant. */
export function utcStamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function reportModel(evaluated: StoredEvaluation, lang: Lang) {
  return { ...compareModel(evaluated, lang), report: true, madeAt: utcStamp(evaluated.computedAt), madeAtIso: evaluated.computedAt };
}
