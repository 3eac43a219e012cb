/**
 * The command line's words for the award table (`kalkyle evaluate
 * --format table` on a case with award criteria), joined to CLI_TEXT
 * under `cli.award.`.
 */
import type { Bilingual } from "../case/messages.js";

export const AWARD_TABLE_TEXT = {
  "award.title": { nb: "Tildeling: poeng per kriterium (høyst {max}), vektet i parentes", en: "Award: points per criterion (at most {max}), weighted in brackets" },
  "award.markedUp": { nb: "Klimapoengene gjelder utslippene med påslag for datakvalitet.", en: "The climate points use the emissions marked up for data quality." },
  "award.head.rank": { nb: "Plass", en: "Place" },
  "award.head.bid": { nb: "Tilbud", en: "Bid" },
  "award.head.total": { nb: "Sum poeng", en: "Total points" },
  "award.head.criterion": { nb: "{criterion} {weight} %", en: "{criterion} {weight} %" },
  "award.criterion.price": { nb: "Pris", en: "Price" },
  "award.criterion.lcc": { nb: "LCC", en: "LCC" },
  "award.criterion.climate": { nb: "Klima", en: "Climate" },
  "award.criterion.quality": { nb: "Kvalitet", en: "Quality" },
  "award.rankings": { nb: "Rangering etter poeng: {points}; etter utslipp: {emissions}; etter LCC: {lcc}; etter LCC med karbonkostnad: {lccWithCarbon}", en: "Ranking by points: {points}; by emissions: {emissions}; by LCC: {lcc}; by LCC with carbon cost: {lccWithCarbon}" },
  "award.rankings.markedUp": {
    nb: "Rangering etter poeng: {points}; etter utslipp med påslag: {emissions}; etter LCC: {lcc}; etter LCC med karbonkostnad: {lccWithCarbon}",
    en: "Ranking by points: {points}; by emissions with mark-ups: {emissions}; by LCC: {lcc}; by LCC with carbon cost: {lccWithCarbon}",
  },
  "award.implied": { nb: "Implisitt karbonpris mellom tilbud som ligger etter hverandre i utslipp:", en: "Implied carbon price between bids next to each other by emissions:" },
  "award.head.lower": { nb: "Lavere CO2e", en: "Lower CO2e" },
  "award.head.higher": { nb: "Høyere CO2e", en: "Higher CO2e" },
  "award.head.saved": { nb: "t CO2e spart", en: "t CO2e saved" },
  "award.head.implied": { nb: "Implisitt kr/t", en: "Implied NOK/t" },
  "award.head.reference": { nb: "Referanse kr/t", en: "Reference NOK/t" },
  "award.noImplied": { nb: "Ingen implisitt karbonpris: tildelingen trenger både pris eller LCC og klima som kriterier.", en: "No implied carbon price: the award needs both price or LCC and climate as criteria." },
  "award.reference.r109": { nb: "Referanse: R-109-banen, {price} kr/t i {year} ({min}–{max} kr/t i analyseperioden).", en: "Reference: the R-109 path, NOK {price}/t in {year} (NOK {min}–{max}/t over the analysis period)." },
  "award.reference.case": { nb: "Referanse: sakens karbonpris, {price} kr/t i {year} ({min}–{max} kr/t i analyseperioden).", en: "Reference: the case's carbon price, NOK {price}/t in {year} (NOK {min}–{max}/t over the analysis period)." },
  "award.notes": { nb: "Merknader til tildelingen:", en: "Notes on the award:" },
} satisfies Record<string, Bilingual>;
