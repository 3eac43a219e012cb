/** View model of the case list page. */
import type { Lang } from "../../case/messages.js";
import type { CaseSummary } from "../../store/store.js";
import { translate } from "../i18n/catalog.js";
import { pageTitle } from "../page.js";

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

/** `?done=` → the notice's text key; a Map, since the value is whatever the address says ("__proto__" included). */
const NOTICES: ReadonlyMap<string, string> = new Map([
  ["deleted", "cases.deleted"],
  ["saved", "cases.saved"],
  ["duplicated", "cases.duplicated"],
]);

function pageHref(search: string, page: number): string {
  const params = new URLSearchParams();
  if (search !== "") params.set("q", search);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query === "" ? "/" : `/?${query}`;
}

export function caseListModel(found: { total: number; cases: CaseSummary[] }, where: { search: string; page: number; pageSize: number }, lang: Lang, done?: string) {
  const pages = Math.max(1, Math.ceil(found.total / where.pageSize));
  return {
    pageTitle: pageTitle(translate(lang, "cases.title")),
    search: where.search,
    total: found.total,
    notice: done === undefined ? undefined : NOTICES.get(done),
    pagination: pages > 1 ? { page: where.page, pages, previous: where.page > 1 ? pageHref(where.search, where.page - 1) : undefined, next: where.page < pages ? pageHref(where.search, where.page + 1) : undefined } : undefined,
    cases: found.cases.map((c) => ({ id: c.id, title: c.title, alternatives: c.alternatives, updated: formatDateTime(c.updatedAt, lang), updatedIso: c.updatedAt })),
  };
}
