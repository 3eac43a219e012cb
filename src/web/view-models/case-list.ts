/** View model of the case list page. */
import type { Lang } from "../../case/messages.js";
import type { CaseSummary } from "../../store/store.js";

const DATE = { nb: new Intl.DateTimeFormat("nb-NO", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Oslo" }), en: new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Oslo" }) };

export function formatDateTime(iso: string, lang: Lang): string {
  return DATE[lang].format(new Date(iso));
}

const NOTICES: Record<string, string> = { deleted: "cases.deleted", saved: "cases.saved", duplicated: "cases.duplicated" };

export function caseListModel(found: { total: number; cases: CaseSummary[] }, search: string, lang: Lang, done?: string) {
  return {
    search,
    total: found.total,
    notice: done ? NOTICES[done] : undefined,
    cases: found.cases.map((c) => ({ id: c.id, title: c.title, alternatives: c.alternatives, updated: formatDateTime(c.updatedAt, lang), updatedIso: c.updatedAt })),
  };
}
