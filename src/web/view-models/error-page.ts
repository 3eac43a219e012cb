/**
 * View model of the error page (views/pages/error.hbs): a title that names
 * what happened (404 "Fant ikke siden", 413 "For stort innhold", …), the
 * message, and where to go next. A 404 shows what was asked for (shortened;
 * the template escapes it) and links to the cases and the emission factors,
 * the same page whether the address is unknown or the case is missing or
 * another organisation's. A 413 says the limit in MB when it is known, and
 * a route may give a way back (the import page, the editor).
 */
import type { Lang } from "../../case/messages.js";
import { formatNumber } from "../../i18n/numbers.js";
import { translate, type MessageKey } from "../i18n/catalog.js";
import { pageTitle } from "../page.js";

export type ErrorPageInput = {
  status: number;
  /** The message, already in the page's language. */
  message: string;
  problems: { path: string; message: string }[];
  lang: Lang;
  /** What was asked for (the request's address): shown on a 404. */
  asked: string;
  /** A 413's limit in bytes, when the refusal knows it. */
  limitBytes?: number;
  /** A way back to where the user came from (the form they sent). */
  back?: { href: string; label: string };
};

const MB = 1024 * 1024;
const MAX_ASKED = 80;

/** The page's title by its status; any other status is "something went wrong". */
const TITLES: Readonly<Record<number, MessageKey>> = {
  400: "page.badRequest",
  403: "page.forbidden",
  404: "page.notFound",
  409: "page.conflict",
  413: "page.tooLarge",
  429: "page.throttled",
  503: "page.unavailable",
};

function titleOf(status: number, lang: Lang): string {
  return translate(lang, Object.hasOwn(TITLES, status) ? TITLES[status]! : "error.title");
}

/** The address as a person reads it (percent-escapes decoded where they can be), at most 80 characters with the middle cut out. */
export function shownAddress(address: string): string {
  let shown = address;
  try {
    shown = decodeURIComponent(address);
  } catch {
    // a malformed escape: shown as it came
  }
  const chars = Array.from(shown.replace(/[\u0000-\u001f\u007f]/g, ""));
  return chars.length <= MAX_ASKED ? chars.join("") : `${chars.slice(0, MAX_ASKED - 21).join("")}…${chars.slice(-20).join("")}`;
}

export function errorPageModel(input: ErrorPageInput) {
  const { status, lang } = input;
  const title = titleOf(status, lang);
  const limit = status === 413 && input.limitBytes !== undefined ? formatNumber(input.limitBytes / MB, lang, input.limitBytes % MB === 0 ? 0 : 1) : undefined;
  return {
    pageTitle: pageTitle(title),
    heading: title,
    status,
    message: limit !== undefined ? translate(lang, "error.tooLargeLimit", { limit }) : input.message,
    problems: input.problems,
    notFound: status === 404 ? { asked: shownAddress(input.asked) } : undefined,
    back: input.back,
  };
}
