/** View model of the case list page. */
import type { Lang } from "../../case/messages.js";
import type { CaseSummary } from "../../store/store.js";

const DATE = { nb: new Intl.DateTimeFormat("nb-NO", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Oslo" }), en: new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Oslo" }) };

/** Formatting a date is slow next to everything else on the list page; a page shows the same few hundred again and again. */
const formatted = new Map<string, string>();

export function formatDateTime(iso: string, lang: Lang): string {
  const key = `${lang}${iso}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size >= 10_000) formatted.clear();
    text = DATE[lang].format(new Date(iso));
    formatted.set(key, text);
  }
  return text;
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
