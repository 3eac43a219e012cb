/**
 * The ledger reader's and the screening's own words, as an area of the one
 * text catalogue under `ledger.`: the reason of each broken line, the
 * column mapping's problems, and why a file cannot be read at all.
 */
import type { Bilingual } from "../case/messages.js";

export const LEDGER_TEXT = {
  "broken.amount-missing": { nb: "beløp mangler", en: "amount is missing" },
  "broken.amount-unreadable": { nb: "beløpet kan ikke leses som et tall (for eksempel 1 234,50 eller -1 234,50)", en: "the amount cannot be read as a number (for example 1 234,50 or -1 234,50)" },
  "broken.amount-too-large": { nb: "beløpet er større enn 100 milliarder kroner", en: "the amount is larger than 100 billion kroner" },
  "broken.date-unreadable": { nb: "datoen kan ikke leses (skriv for eksempel 31.03.2025 eller 2025-03-31)", en: "the date cannot be read (write for example 31.03.2025 or 2025-03-31)" },
  "broken.year-missing": { nb: "året mangler eller er ikke et årstall med fire sifre", en: "the year is missing or is not a four-digit year" },
  "broken.year-out-of-range": { nb: "året er ikke mellom 1990 og 2100", en: "the year is not between 1990 and 2100" },
  "broken.account-missing": { nb: "konto (art) mangler", en: "the account is missing" },
  "broken.org-number-unreadable": { nb: "organisasjonsnummeret har ikke ni sifre", en: "the organisation number does not have nine digits" },
  "broken.columns-missing": { nb: "linjen har færre kolonner enn overskriften, så konto, beløp eller dato mangler", en: "the line has fewer columns than the header, so the account, amount or date is missing" },
  "broken.line-too-long": {
    nb: "linjen er lengre enn 10 000 tegn, eller et anførselstegn (\") er ikke lukket; lesingen fortsetter ved neste linjeskift",
    en: "the line is longer than 10,000 characters, or a quotation mark (\") is not closed; reading goes on at the next line break",
  },
  "broken.quote-not-closed": { nb: "et anførselstegn (\") er ikke lukket før filen slutter", en: "a quotation mark (\") is not closed before the end of the file" },
  "columns.required": { nb: "velg kolonnen som har denne opplysningen", en: "choose the column that holds this" },
  "columns.date-or-year": { nb: "velg en kolonne med dato eller år", en: "choose a column with the date or the year" },
  "columns.not-in-file": { nb: "filen har ingen kolonne med denne overskriften", en: "the file has no column with this header" },
  "file.unreadable": { nb: "filen kan ikke leses som CSV eller Excel (.xlsx)", en: "the file cannot be read as CSV or Excel (.xlsx)" },
  "file.empty": { nb: "filen har ingen linjer etter overskriften", en: "the file has no lines after the header" },
  "file.no-header": { nb: "filen har ingen overskriftslinje med minst to kolonner", en: "the file has no header line with at least two columns" },
} as const satisfies Record<string, Bilingual>;
