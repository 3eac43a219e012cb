/**
 * A problem with an imported bid: the sheet (as the file names it), the
 * cell ("D7", or "" for the file as a whole), a code and its parameters.
 * The message is made at the edge in the reader's language:
 * «Arket Levering, celle D7: antall turer må være et tall større enn eller lik 0».
 * Codes of the case evaluator (a quantity that does not convert, say) pass
 * through with their own messages, mapped back to the cell they came from.
 */
import { PROBLEM_MESSAGES, problemMessage, type Bilingual, type Lang, type ProblemCode } from "../case/messages.js";
import { text, textOf } from "../i18n/catalogue.js";

export type BidProblem = { sheet: string; cell: string; code: string; params: Record<string, string> };

export const BID_PROBLEM_MESSAGES = {
  "file-missing": { nb: "ingen fil ble sendt: send det utfylte tilbudsskjemaet (.xlsx) som innhold", en: "no file was sent: send the filled bid form (.xlsx) as the body" },
  "file-not-xlsx": { nb: "filen er ikke en Excel-arbeidsbok (.xlsx)", en: "the file is not an Excel workbook (.xlsx)" },
  "file-too-large": { nb: "filen er større enn {limit}, det meste et tilbudsskjema kan være", en: "the file is larger than {limit}, the most a bid form may be" },
  "file-unpacked-too-large": { nb: "filen pakker seg ut til mer enn {limit}; et utfylt tilbudsskjema er langt mindre", en: "the file unpacks to more than {limit}; a filled bid form is far smaller" },
  "file-too-many-parts": { nb: "filen har mer enn {limit} deler; et tilbudsskjema har langt færre", en: "the file has more than {limit} parts; a bid form has far fewer" },
  "file-macros": { nb: "filen inneholder makroer ({part}) og avvises; lagre den som vanlig arbeidsbok (.xlsx) uten makroer", en: "the file contains macros ({part}) and is refused; save it as a plain workbook (.xlsx) without macros" },
  "file-external-links": { nb: "filen har koblinger til andre filer ({part}) og avvises; fjern koblingene og lagre på nytt", en: "the file links to other files ({part}) and is refused; remove the links and save again" },
  "file-unreadable": { nb: "filen kan ikke leses som arbeidsbok", en: "the file cannot be read as a workbook" },
  "not-a-template": { nb: "filen er ikke et tilbudsskjema fra Kalkyle (metadataarket mangler eller er endret)", en: "the file is not a Kalkyle bid form (the metadata sheet is missing or changed)" },
  "sheet-missing": { nb: "arket finnes ikke i filen; bruk skjemaet slik det ble lastet ned", en: "the sheet is missing from the file; use the form as it was downloaded" },
  "other-case": { nb: "skjemaet ble laget for en annen sak", en: "the form was made for another case" },
  "other-factor-set": { nb: "skjemaet ble laget med faktorsett {given}, men saken bruker {expected}", en: "the form was made with factor set {given}, but the case uses {expected}" },
  "factor-set-changed": { nb: "faktorsett {set} er endret siden skjemaet ble laget; last ned et nytt skjema", en: "factor set {set} has changed since the form was made; download a new form" },
  "parameters-changed": { nb: "oppdragsgivers forutsetninger er endret siden skjemaet ble laget; last ned et nytt skjema og før inn tallene der", en: "the buyer's parameters have changed since the form was made; download a new form and enter the figures there" },
  "formula-in-input": { nb: "{field} er en formel; skriv inn verdien selv", en: "{field} is a formula; type in the value itself" },
  "too-many-rows": { nb: "arket har data etter rad {last}; skjemaet tar høyst {rows} rader", en: "the sheet has data after row {last}; the form takes at most {rows} rows" },
  "missing-value": { nb: "{field} må fylles ut", en: "{field} is required" },
  "not-a-number": { nb: "{field} må være et tall større enn eller lik 0", en: "{field} must be a number greater than or equal to 0" },
  "not-whole": { nb: "{field} må være et helt tall større enn eller lik {min}", en: "{field} must be a whole number greater than or equal to {min}" },
  "unknown-choice": { nb: "{field}: «{value}» er ikke et av valgene i listen", en: "{field}: \"{value}\" is not one of the choices in the list" },
  "text-too-long": { nb: "{field} kan ha høyst {max} tegn", en: "{field} may have at most {max} characters" },
  "bad-id": { nb: "{field} kan bare ha bokstaver, tall, bindestrek og understrek (høyst 40 tegn)", en: "{field} may only have letters, digits, hyphens and underscores (at most 40 characters)" },
  "id-exists": { nb: "saken har allerede et alternativ med kortnavnet «{id}»; velg et annet, eller be om å erstatte det", en: "the case already has an alternative with the short name \"{id}\"; choose another, or ask to replace it" },
  "no-input": { nb: "tilbudet har verken priser eller utslippsdata", en: "the bid has neither prices nor emission data" },
} satisfies Record<string, Bilingual>;

export type BidProblemCode = keyof typeof BID_PROBLEM_MESSAGES;

const isBidCode = (code: string): code is BidProblemCode => Object.hasOwn(BID_PROBLEM_MESSAGES, code);
const isCaseCode = (code: string): code is ProblemCode => Object.hasOwn(PROBLEM_MESSAGES, code);

/** What is wrong, without the place: the field's noun (params.field is a `noun.` key of the bid texts) filled in. */
export function bidProblemText(problem: BidProblem, lang: Lang): string {
  const params = { ...problem.params };
  if (params.field !== undefined) params.field = textOf(lang, `bid.noun.${params.field}`);
  if (isBidCode(problem.code)) return text(lang, `bidProblem.${problem.code}`, params);
  if (isCaseCode(problem.code)) {
    const what = problemMessage({ path: "", code: problem.code, params: problem.params }, lang);
    return params.field === undefined ? what : `${params.field}: ${what}`;
  }
  return problem.code;
}

/** «Arket Levering, celle D7: antall turer må være …»; a problem of the whole file or sheet names only what it has. */
export function bidProblemMessage(problem: BidProblem, lang: Lang): string {
  const what = bidProblemText(problem, lang);
  if (problem.sheet === "") return what;
  const place = problem.cell === "" ? text(lang, "bidProblem.place-sheet", { sheet: problem.sheet }) : text(lang, "bidProblem.place-cell", { sheet: problem.sheet, cell: problem.cell });
  return `${place}: ${what}`;
}

/** The places as the catalogue words them (kept beside the codes, merged into the same area). */
export const BID_PLACE_TEXT = {
  "place-sheet": { nb: "Arket {sheet}", en: "Sheet {sheet}" },
  "place-cell": { nb: "Arket {sheet}, celle {cell}", en: "Sheet {sheet}, cell {cell}" },
} satisfies Record<string, Bilingual>;
