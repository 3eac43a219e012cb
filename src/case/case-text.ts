/**
 * The calculation's own words (why an alternative ranks where it does, the
 * reason for a suggested level, where in a case a problem is, the names of
 * value types and item kinds), as an area of the one text catalogue
 * (src/i18n/catalogue.ts) under `case.`.
 */
import { AWARD_TEXT } from "./award-text.js";
import type { Bilingual } from "./messages.js";

export const CASE_TEXT = {
  "rankNote.dominated": { nb: "dominert av {by}: {reasons}", en: "dominated by {by}: {reasons}" },
  "rankNote.moreCo2e": { nb: "{amount} mer CO2e", en: "{amount} more CO2e" },
  "rankNote.moreCost": { nb: "{amount} kr mer", en: "NOK {amount} more" },
  "rankNote.and": { nb: "{first} og {second}", en: "{first} and {second}" },
  suggestion: { nb: "mesteparten av alternativets eget avfall etter vekt ({share}) går til {route}", en: "most of this alternative's own waste mass ({share}) goes to {route}" },
  "place.alternative": { nb: "Alternativ «{name}»", en: "Alternative “{name}”" },
  "place.emission": { nb: "{alternative}, utslippspost {number}", en: "{alternative}, emission item {number}" },
  "place.emissionLabel": { nb: "{alternative}, utslippspost «{label}»", en: "{alternative}, emission item “{label}”" },
  "place.cost": { nb: "{alternative}, kostnad {number}", en: "{alternative}, cost {number}" },
  "place.costLabel": { nb: "{alternative}, kostnad «{label}»", en: "{alternative}, cost “{label}”" },
  "place.analysis": { nb: "Analyseoppsett", en: "Analysis settings" },
  "place.document": { nb: "Saken", en: "The case" },
  "type.number": { nb: "et tall", en: "a number" },
  "type.string": { nb: "tekst", en: "text" },
  "type.object": { nb: "et objekt", en: "an object" },
  "type.array": { nb: "en liste", en: "a list" },
  "type.boolean": { nb: "sann eller usann", en: "true or false" },
  "kind.energy": { nb: "Energi", en: "Energy" },
  "kind.operation": { nb: "Drift", en: "Operation" },
  "kind.maintenance": { nb: "Vedlikehold", en: "Maintenance" },
  "measure.no-added-investment": {
    nb: "ikke definert: alternativet krever ingen merinvestering sammenlignet med referansealternativet",
    en: "not defined: the alternative needs no added investment compared with the baseline",
  },
  "measure.sir-not-positive": {
    nb: "ikke definert: besparelsene dekker ingenting av merinvesteringen (SIR er 0 eller lavere)",
    en: "not defined: the savings cover none of the added investment (SIR is 0 or less)",
  },
  "measure.avoids-nothing": {
    nb: "ikke definert: alternativet gir ikke lavere utslipp enn referansealternativet",
    en: "not defined: the alternative does not emit less than the baseline",
  },
  "measure.never-pays-back": {
    nb: "betaler seg ikke tilbake innen perioden",
    en: "does not pay back within the period",
  },
  ...AWARD_TEXT,
} satisfies Record<string, Bilingual>;
