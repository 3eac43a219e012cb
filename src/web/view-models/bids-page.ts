/**
 * View model of the bids page (views/pages/bids.hbs): the two template
 * downloads, the upload form for those who may change the case, an import's
 * problems each with its sheet and cell in the reader's language, or the
 * bid just added with a link to the comparison where it shows.
 */
import type { BidProblem } from "../../bids/bid-problems.js";
import { bidProblemMessage } from "../../bids/bid-problems.js";
import type { Lang } from "../../case/messages.js";
import type { StoredCase } from "../../store/store.js";
import { translate } from "../i18n/catalog.js";
import { pageTitle } from "../page.js";

export type BidsPageInput = {
  found: StoredCase;
  lang: Lang;
  /** The principal may upload (case.update); others see the downloads only. */
  canUpload: boolean;
  /** What went wrong with an upload: the bid's problems, or one sentence (no file, a conflict). */
  problems?: BidProblem[] | string;
  /** The id of the alternative an upload just added or replaced. */
  added?: { id: string; replaced: boolean };
  limitText: string;
  /** The replace box as the user left it. */
  replace?: boolean;
};

type AlternativeLine = { id: string; name: string };

const alternativesOf = (found: StoredCase): AlternativeLine[] =>
  ((found.document.alternatives as { id?: unknown; name?: unknown }[] | undefined) ?? []).map((a) => ({ id: String(a.id ?? ""), name: String(a.name ?? "") }));

/**
 * Refusals of a form that no longer fits the case (made for another case,
 * another factor set, or before the buyer's parameters changed): no
 * correction in that file helps, so the page says to download a new form.
 */
const STALE_FORM = new Set(["other-case", "other-factor-set", "factor-set-changed", "parameters-changed"]);

/** What to do next: a new form for a stale one, corrections for problems in cells, nothing more for one sentence (no file, a conflict, which say it themselves). */
function adviceOf(problems: BidProblem[] | string | undefined, lang: Lang): { text: string; link?: string } {
  if (typeof problems === "string" || problems === undefined) return { text: translate(lang, "bids.nothingKept") };
  if (problems.some((p) => STALE_FORM.has(p.code))) return { text: translate(lang, "bids.advice.newForm"), link: translate(lang, "bids.advice.newFormLink") };
  return { text: translate(lang, "bids.advice.fix") };
}

export function bidsPageModel(input: BidsPageInput) {
  const { found, lang } = input;
  const id = encodeURIComponent(found.id);
  const messages = typeof input.problems === "string" ? [input.problems] : (input.problems ?? []).map((p) => bidProblemMessage(p, lang));
  const alternatives = alternativesOf(found);
  const added = input.added && alternatives.find((a) => a.id === input.added!.id);
  return {
    pageTitle: pageTitle(translate(lang, "bids.title"), found.title),
    caseTitle: found.title,
    compareHref: `/cases/${id}`,
    // The upload is answered in the language the page was shown in (a page opened with ?lang=en), whatever the session's is.
    uploadAction: `/cases/${id}/bids?lang=${lang}`,
    version: found.version,
    downloads: (["nb", "en"] as const).map((l) => ({ href: `/cases/${id}/bids/template.xlsx?lang=${l}`, label: translate(lang, `bids.download.${l}`), hreflang: l })),
    canUpload: input.canUpload,
    replace: input.replace ?? false,
    uploadHint: translate(lang, "bids.upload.hint", { limit: input.limitText }),
    problems: messages.length > 0 ? { title: translate(lang, "bids.failed", { count: messages.length }), items: messages } : undefined,
    advice: adviceOf(input.problems, lang),
    added: added
      ? { text: translate(lang, input.added!.replaced ? "bids.replaced" : "bids.added", { name: added.name || added.id, id: added.id }), href: `/cases/${id}` }
      : undefined,
    alternatives,
  };
}
