/**
 * /climate/ledgers: the organisation's imports (file, when, lines read,
 * imported, skipped as already imported, broken, years), each with its
 * summary and a delete link, and the upload form. The form works without
 * JavaScript (a multipart POST, the columns remembered or suggested; a
 * refusal of the columns shows the column step filled in, with the error
 * beside the field); public/js/ledger-upload.js turns it into two steps
 * (the head of the file inspected, the columns confirmed) and an upload
 * with a progress bar, reading the texts it shows from data attributes.
 */
import type { Lang } from "../../case/messages.js";
import type { ImportSummary } from "../../ledger/types.js";
import { translate } from "../i18n/catalog.js";
import { pageTitle } from "../page.js";
import { formatDateTime } from "./case-list.js";
import { columnStep, type ColumnStep } from "./ledger-columns.js";
import { climateSubnav } from "./climate-subnav.js";

export type UploadState = {
  /** The filled column step of a refused no-JavaScript import, with its problems. */
  columns?: ColumnStep;
  /** A problem with the file itself (unreadable, empty, too large, wrong type). */
  fileError?: string;
  /** Other problems, each in words. */
  problems?: string[];
};

export type ImportRow = { id: string; fileName: string; when: string; whenIso: string; read: number; imported: number; duplicates: number; broken: number; years: string; deleteLabel: string };

export function importRows(imports: ImportSummary[], lang: Lang): ImportRow[] {
  return imports.map((s) => ({
    id: s.importId,
    fileName: s.fileName,
    when: formatDateTime(s.importedAt, lang),
    whenIso: s.importedAt,
    read: s.read,
    imported: s.imported,
    duplicates: s.duplicates,
    broken: s.broken,
    years: s.years.length > 0 ? s.years.join(", ") : translate(lang, "ledgers.summary.noYears"),
    deleteLabel: translate(lang, "ledgers.list.deleteLabel", { file: s.fileName }),
  }));
}

/** The page's model; `upload` when a no-JavaScript import was refused (status 400 or 413). */
export function ledgersPageModel(input: { imports: ImportSummary[]; lang: Lang; mayImport: boolean; limit: { mb: number; bytes: number }; upload?: UploadState }) {
  const { lang, upload } = input;
  const errorCount = (upload?.fileError ? 1 : 0) + (upload?.problems?.length ?? 0) + (upload?.columns?.fields.filter((f) => f.error).length ?? 0);
  return {
    pageTitle: pageTitle(translate(lang, "ledgers.pageTitle")),
    subnav: climateSubnav("ledgers", lang),
    scripts: input.mayImport ? ["/static/js/ledger-upload.js"] : [],
    mayImport: input.mayImport,
    imports: importRows(input.imports, lang),
    fileHint: translate(lang, "ledgers.upload.fileHint", { limit: String(input.limit.mb) }),
    upload: upload ?? {},
    errorTitle: errorCount > 0 ? translate(lang, "ledgers.upload.problems", { count: errorCount }) : undefined,
    /** The empty column step the browser script fills in (inside a <template>). */
    columnTemplate: columnStep({ lang, headers: [], chosen: {} }),
    /** Texts the script shows; `{percent}`, `{count}` and `{file}` it fills in itself. */
    script: {
      next: translate(lang, "ledgers.upload.next"),
      confirm: translate(lang, "ledgers.upload.confirm"),
      reading: translate(lang, "ledgers.upload.reading"),
      readOne: translate(lang, "ledgers.upload.read", { count: 1, file: "{file}" }),
      readMany: translate(lang, "ledgers.upload.read", { count: "{count}", file: "{file}" }),
      progress: translate(lang, "ledgers.upload.progress", { percent: "{percent}" }),
      processing: translate(lang, "ledgers.upload.processing"),
      done: translate(lang, "ledgers.upload.done"),
      failed: translate(lang, "ledgers.upload.failed"),
      network: translate(lang, "ledgers.upload.network"),
      noFile: translate(lang, "ledgers.upload.noFile"),
      problems: translate(lang, "ledgers.upload.problems", { count: "{count}" }),
      remembered: translate(lang, "ledgers.columns.remembered"),
      workbook: translate(lang, "ledgers.columns.workbook"),
      suggested: translate(lang, "ledgers.columns.suggested"),
      limitBytes: String(input.limit.bytes),
      tooLarge: translate(lang, "ledgers.file.tooLarge", { limit: String(input.limit.mb) }),
    },
  };
}
