/**
 * The award's notes and implied carbon prices in words, for the result
 * document and the command line, as part of the calculation's own words
 * (CASE_TEXT, under `case.award.`). Bids are named by their ids, as the
 * result names alternatives; amounts in whole kroner.
 */
import type { Bilingual } from "./messages.js";

export const AWARD_TEXT = {
  "award.reference.r109": { nb: "R-109-banens {price} kr i {year}", en: "the R-109 path's NOK {price} in {year}" },
  "award.reference.case": { nb: "sakens karbonpris på {price} kr i {year}", en: "the case's carbon price of NOK {price} in {year}" },
  "award.implied.priced": { nb: "Vektingen priser et tonn CO2e mellom tilbud {lower} og {higher} til {implied} kr.", en: "The weighting prices a tonne of CO2e between bids {lower} and {higher} at NOK {implied}." },
  "award.implied.same-emissions": { nb: "Tilbud {lower} og {higher} har like store utslipp, så det er ingen CO2e å prise mellom dem.", en: "Bids {lower} and {higher} emit the same, so there is no CO2e to price between them." },
  "award.implied.same-points": {
    nb: "Tilbud {lower} og {higher} får like mange klimapoeng, for eksempel fordi begge er forbi punktet der klimapoengene blir null eller ligger i samme intervall, så vektingen setter ingen pris på CO2e-en mellom dem.",
    en: "Bids {lower} and {higher} get the same climate points, for example because both are past the point where the climate points reach zero or in the same band, so the weighting puts no price on the CO2e between them.",
  },
  "award.implied.lead-exceeds-price-points": {
    nb: "Ingen pris gjør opp klimaforspranget til tilbud {lower} over {higher}: prispoengene til {lower} kan ikke falle så mye.",
    en: "No price makes up bid {lower}'s climate lead over {higher}: the price points of {lower} cannot fall that far.",
  },
  "award.note.carbon-price-far-above": {
    nb: "Vektingen priser et tonn CO2e mellom tilbud {lower} og {higher} til {implied} kr, {ratio} ganger {reference}.",
    en: "The weighting prices a tonne of CO2e between bids {lower} and {higher} at NOK {implied}, {ratio} times {reference}.",
  },
  "award.note.carbon-price-far-above-free": {
    nb: "Vektingen priser et tonn CO2e mellom tilbud {lower} og {higher} til {implied} kr, mens referansen er {reference}.",
    en: "The weighting prices a tonne of CO2e between bids {lower} and {higher} at NOK {implied}, while the reference is {reference}.",
  },
  "award.note.carbon-price-far-below": {
    nb: "Vektingen priser et tonn CO2e mellom tilbud {lower} og {higher} til bare {implied} kr, under halvparten av {reference}.",
    en: "The weighting prices a tonne of CO2e between bids {lower} and {higher} at only NOK {implied}, less than half {reference}.",
  },
  "award.note.carbon-price-nothing": {
    nb: "Tilbud {lower} og {higher} får like mange klimapoeng, for eksempel fordi begge er forbi punktet der klimapoengene blir null eller ligger i samme intervall, så vektingen setter ingen pris på CO2e-en mellom dem.",
    en: "Bids {lower} and {higher} get the same climate points, for example because both are past the point where the climate points reach zero or in the same band, so the weighting puts no price on the CO2e between them.",
  },
  "award.note.ranking-differs": {
    nb: "Rangeringen etter poeng ({points}) er en annen enn rangeringen etter livssykluskostnad med karbonkostnad ({lccWithCarbon}).",
    en: "The ranking by points ({points}) differs from the ranking by lifecycle cost with carbon cost ({lccWithCarbon}).",
  },
  "award.note.climate-weight-below-30": {
    nb: "Klima vektes {weight} %. Anskaffelsesforskriften § 7-9 krever at klima og miljø vektes minst 30 %, med mindre de i stedet stilles som klima- og miljøkrav i kravspesifikasjonen, der det klart gir bedre klima- og miljøeffekt og det begrunnes i anskaffelsesdokumentene.",
    en: "Climate weighs {weight} %. The Norwegian procurement regulations (anskaffelsesforskriften § 7-9) ask climate and environment to weigh at least 30 %, unless climate and environment requirements in the specification take their place where that clearly does more for the climate and the environment and the procurement documents say why.",
  },
  "award.note.climate-missing": {
    nb: "Klima er ikke et tildelingskriterium. Anskaffelsesforskriften § 7-9 krever at klima og miljø vektes minst 30 %, med mindre de i stedet stilles som klima- og miljøkrav i kravspesifikasjonen, der det klart gir bedre klima- og miljøeffekt og det begrunnes i anskaffelsesdokumentene.",
    en: "Climate is not an award criterion. The Norwegian procurement regulations (anskaffelsesforskriften § 7-9) ask climate and environment to weigh at least 30 %, unless climate and environment requirements in the specification take their place where that clearly does more for the climate and the environment and the procurement documents say why.",
  },
} satisfies Record<string, Bilingual>;
