/**
 * What one import did, GET /climate/ledgers/imports/:id (where an upload
 * ends, with or without JavaScript): the lines read, imported, skipped as
 * already imported and broken, the years, the format the file was read
 * in, and the broken lines kept (the first 1 000) with their line number,
 * reason and the text found. Also the confirmation page of deleting an
 * import.
 */
import type { Lang } from "../../case/messages.js";
import type { ImportSummary } from "../../ledger/types.js";
import { formatNumber } from "../../i18n/numbers.js";
import { translate, translateKey } from "../i18n/catalog.js";
import { pageTitle } from "../page.js";
import { formatDateTime } from "./case-list.js";
import { formatText } from "./ledger-columns.js";
import { climateSubnav } from "./climate-subnav.js";

export function importSummaryModel(summary: ImportSummary, lang: Lang) {
  const when = formatDateTime(summary.importedAt, lang);
  return {
    pageTitle: pageTitle(translate(lang, "ledgers.summary.name"), summary.fileName),
    subnav: climateSubnav("ledgers", lang),
    id: summary.importId,
    intro: translate(lang, "ledgers.summary.intro", { file: summary.fileName, when }),
    figures: [
      { label: translate(lang, "ledgers.summary.read"), value: summary.read, key: "read" },
      { label: translate(lang, "ledgers.summary.imported"), value: summary.imported, key: "imported" },
      { label: translate(lang, "ledgers.summary.duplicates"), value: summary.duplicates, key: "duplicates" },
      { label: translate(lang, "ledgers.summary.broken"), value: summary.broken, key: "broken" },
    ],
    years: summary.years.length > 0 ? summary.years.join(", ") : translate(lang, "ledgers.summary.noYears"),
    format: formatText(summary.format, lang),
    brokenLines: summary.brokenLines.map((b) => ({
      lineNumber: b.lineNumber,
      reason: translateKey(lang, `ledger.broken.${b.reason}`),
      field: b.field ? translateKey(lang, `ledgers.field.${b.field}`) : "",
      found: b.found,
      empty: b.found === "",
    })),
    brokenShown: summary.broken > summary.brokenLines.length ? translate(lang, "ledgers.summary.brokenShown", { shown: formatNumber(summary.brokenLines.length, lang), count: formatNumber(summary.broken, lang) }) : undefined,
  };
}

export function importDeleteModel(summary: ImportSummary, lang: Lang) {
  return {
    pageTitle: pageTitle(translate(lang, "ledgers.delete.name"), summary.fileName),
    id: summary.importId,
    text: translate(lang, "ledgers.delete.text", { file: summary.fileName, imported: summary.imported }),
  };
}
