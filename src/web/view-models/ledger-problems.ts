/**
 * A problem with a ledger file as a whole (path "file": unreadable, empty,
 * no header line) in the words of the import page, which say what to do
 * about it; any other problem in the problem catalogue's words.
 */
import type { Lang, Problem } from "../../case/messages.js";
import { problemMessage } from "../../case/messages.js";
import { translateKey } from "../i18n/catalog.js";

export function fileProblemMessage(problem: Problem, lang: Lang): string {
  const own = `ledgers.file.${problem.code}`;
  const text = translateKey(lang, own);
  return text !== own ? text : problemMessage(problem, lang);
}
