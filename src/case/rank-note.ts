/**
 * Why an alternative ranks where it does, in words, for the result, the
 * comparison page and the report: "dominated by B: 2.9 t more CO2e and
 * NOK 4,000 more". Tonnes to one decimal (kg below one tonne), kroner whole.
 */
import type { DominatedBy } from "../core/types.js";
import { text } from "../i18n/catalogue.js";
import type { Lang } from "./messages.js";

const LOCALE: Record<Lang, string> = { nb: "nb-NO", en: "en-GB" };
const formats = new Map<string, Intl.NumberFormat>();

function format(lang: Lang, digits: number, value: number): string {
  const key = `${lang}${digits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(value);
}

function co2e(kg: number, lang: Lang): string {
  return kg >= 1000 ? `${format(lang, 1, kg / 1000)} t` : `${format(lang, 1, kg)} kg`;
}

/** `byName`: how the dominating alternative is named (the pages give its name; the result document its id). */
export function rankNoteMessage(note: DominatedBy, lang: Lang, byName: string = note.by): string {
  const kg = note.moreKg.toNumber();
  const nok = note.morePresentValue.toNumber();
  const parts: string[] = [];
  if (kg > 0) parts.push(text(lang, "case.rankNote.moreCo2e", { amount: co2e(kg, lang) }));
  if (nok > 0) parts.push(text(lang, "case.rankNote.moreCost", { amount: format(lang, 0, nok) }));
  const reasons = parts.length === 2 ? text(lang, "case.rankNote.and", { first: parts[0], second: parts[1] }) : (parts[0] ?? "");
  return text(lang, "case.rankNote.dominated", { by: byName, reasons });
}
