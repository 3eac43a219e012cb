/**
 * View model of the printable report (GET /cases/:id/report): the figures of
 * the comparison page plus what a filed report must carry: the factor set
 * id and hash, the time it was made (UTC), the date of the case version it
 * reports, and every source. Chromium renders the same page to PDF, its
 * title metadata from the page's <title> (the case's title) and a footer
 * with the case and the page numbers on every page (reportFooter).
 */
import Handlebars from "handlebars";
import type { Lang } from "../../case/messages.js";
import type { StoredEvaluation } from "../evaluation.js";
import { translate } from "../i18n/catalog.js";
import { compareModel } from "./compare.js";

/** "2026-05-04 09:15 UTC" from an ISO instant. */
export function utcStamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

const DATE = { nb: new Intl.DateTimeFormat("nb-NO", { dateStyle: "long", timeZone: "Europe/Oslo" }), en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/Oslo" }) };

/** The date of an instant in Norway, as the language writes it: "4. mai 2026", "4 May 2026". */
export function reportDate(iso: string, lang: Lang): string {
  return DATE[lang].format(new Date(iso));
}

export function reportModel(evaluated: StoredEvaluation, lang: Lang) {
  const { stored } = evaluated;
  return {
    ...compareModel(evaluated, lang),
    // the PDF's title metadata is the page's <title>: the case, not the page kind
    pageTitle: stored.title,
    report: true,
    caseDate: translate(lang, "export.report.date", { date: reportDate(stored.updatedAt, lang), version: String(stored.version) }),
    caseDateIso: stored.updatedAt,
    madeAt: utcStamp(evaluated.computedAt),
    madeAtIso: evaluated.computedAt,
  };
}

const PAGE = "\u0000page\u0000";
const PAGES = "\u0000pages\u0000";

/**
 * Chromium's footer template for the report's PDF: the case's title on the
 * left, "Side 2 av 5" / "Page 2 of 5" on the right, every text escaped (the
 * template is HTML; Chromium fills in the spans of class pageNumber and
 * totalPages).
 */
export function reportFooter(title: string, lang: Lang): string {
  const pages = Handlebars.escapeExpression(translate(lang, "export.pdf.page", { page: PAGE, pages: PAGES }))
    .replace(PAGE, '<span class="pageNumber"></span>')
    .replace(PAGES, '<span class="totalPages"></span>');
  return `<div style="font-family: sans-serif; font-size: 8pt; color: #333; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between; gap: 8mm;"><span>${Handlebars.escapeExpression(title)}</span><span style="white-space: nowrap;">${pages}</span></div>`;
}
