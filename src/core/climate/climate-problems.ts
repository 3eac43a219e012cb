/**
 * The problems a climate plan or a decision can have beyond the common
 * ones (required, too small, unknown field …), in bokmål and English.
 * They join the one problem catalogue (PROBLEM_MESSAGES in
 * src/case/messages.ts), so a problem reads the same in a form, the API
 * and the command line; the path says where, the message what is wrong.
 */
export const CLIMATE_PROBLEM_MESSAGES = {
  "climate-decimal": {
    nb: "«{value}» er ikke et tall; skriv tonn eller kroner med desimalpunktum og uten mellomrom, f.eks. «1234.5»",
    en: "\"{value}\" is not a number; write tonnes or kroner with a decimal point and no spaces, e.g. \"1234.5\"",
  },
  "climate-duplicate-category": { nb: "kategorien er oppgitt før, i rad {first}; slå radene sammen", en: "the category is already given in row {first}; merge the rows" },
  "climate-duplicate-year": { nb: "året {year} har allerede et mål", en: "the year {year} already has a target" },
  "climate-end-before-start": { nb: "sluttåret ({end}) må være etter startåret ({start})", en: "the end year ({end}) must be after the start year ({start})" },
  "climate-constant-rate-zero": {
    nb: "en bane med lik prosentvis nedgang hvert år kan ikke starte eller slutte på 0 tonn; oppgi mer enn 0 eller velg en rett linje",
    en: "a path that falls by the same share each year cannot start or end at 0 tonnes; give more than 0 or choose a straight line",
  },
  "climate-neutrality-outside-path": {
    nb: "året for klimanøytralitet ({year}) må ligge innenfor målbanen ({first}–{last})",
    en: "the climate-neutrality year ({year}) must lie within the target path ({first}–{last})",
  },
  "climate-neutrality-before-baseline": {
    nb: "året for klimanøytralitet ({year}) kan ikke være før basisåret ({baseline})",
    en: "the climate-neutrality year ({year}) cannot be before the baseline year ({baseline})",
  },
  "decision-no-result": {
    nb: "saken må kunne beregnes i sin nåværende versjon før en beslutning kan registreres; åpne saken og rett det som er feil",
    en: "the case must evaluate in its current version before a decision can be recorded; open the case and correct what is wrong",
  },
  "decision-unknown-alternative": { nb: "«{id}» er ikke et alternativ i saken (finnes: {options})", en: "\"{id}\" is not an alternative of the case (available: {options})" },
  "decision-month": { nb: "«{value}» er ikke en måned skrevet ÅÅÅÅ-MM, f.eks. «2026-07»", en: "\"{value}\" is not a month written YYYY-MM, e.g. \"2026-07\"" },
  "decision-month-range": { nb: "«{value}» er utenfor {min} til {max}", en: "\"{value}\" is outside {min} to {max}" },
} as const;
