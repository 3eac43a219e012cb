/**
 * The domain's words, fixed once: the term every page, export, message and
 * the command line use in each language, and the near-synonyms that would
 * make a reader wonder whether two things are meant (a test keeps them out
 * of the text catalogue). docs/glossary.md lists the same terms for people.
 *
 * `term` is the form looked for in the catalogue (a stem where Norwegian
 * inflects: "kalkulasjonsrente" also finds "kalkulasjonsrenten").
 */
export type GlossaryEntry = {
  readonly nb: string;
  readonly en: string;
  /** What the term means here, in bokmål. */
  readonly meaning: string;
  readonly avoid: { readonly nb: readonly string[]; readonly en: readonly string[] };
};

export const GLOSSARY: readonly GlossaryEntry[] = [
  { nb: "kalkulasjonsrente", en: "discount rate", meaning: "Renten framtidige kostnader neddiskonteres med (R-109: 4 %, 3 % etter 40 år, 2 % etter 75 år).", avoid: { nb: ["diskonteringsrente", "diskonteringssats", "kalkulasjonssats"], en: ["interest rate", "hurdle rate"] } },
  { nb: "nåverdi", en: "present value", meaning: "Summen av alle kostnader i perioden, hver neddiskontert til år 0.", avoid: { nb: ["kontantverdi", "netto nåverdi"], en: ["net present value", "NPV"] } },
  { nb: "livssykluskostnad", en: "lifecycle cost", meaning: "Nåverdien av alle kostnader alternativet gir over analyseperioden (LCC).", avoid: { nb: ["livsløpskostnad", "levetidskostnad"], en: ["life-cycle cost", "whole-life cost", "whole life cost"] } },
  { nb: "livsløpsfase", en: "lifecycle stage", meaning: "Fasen i produktets liv et utslipp hører til, etter NS-EN 15978 og 15804 (A1–A3, A4, A5, B, C, D).", avoid: { nb: ["livssyklusfase", "livsfase", "livsløpstrinn"], en: ["life-cycle stage", "life cycle stage"] } },
  { nb: "analyseperiode", en: "analysis period", meaning: "Årene fra år 0 som beregningen omfatter.", avoid: { nb: ["beregningsperiode", "analysetid"], en: ["study period"] } },
  { nb: "levetid", en: "service life", meaning: "Hvor lenge en ting varer før den må skiftes ut.", avoid: { nb: ["brukstid", "livslengde"], en: ["lifetime", "useful life"] } },
  { nb: "restverdi", en: "residual value", meaning: "Verdien av det som er igjen av levetiden ved periodens slutt, trukket fra kostnaden.", avoid: { nb: ["skrapverdi", "salgsverdi"], en: ["salvage value", "scrap value"] } },
  { nb: "referanse", en: "baseline", meaning: "Alternativet de andre sammenlignes med, som regel dagens løsning.", avoid: { nb: ["nullalternativ", "basisalternativ"], en: ["reference case", "base case"] } },
  { nb: "utslippsfaktor", en: "emission factor", meaning: "Utslipp per enhet av noe (kgCO2e/kWh, kgCO2e/kg, kgCO2e/kr), med kilde.", avoid: { nb: ["emisjonsfaktor", "utslippskoeffisient"], en: ["emissions factor", "conversion factor"] } },
  { nb: "karbonpris", en: "carbon price", meaning: "Kroner per tonn CO2e som legges til kostnaden når utslipp prises.", avoid: { nb: ["CO2-pris", "klimapris"], en: ["CO2 price"] } },
  { nb: "tiltakskost", en: "abatement cost", meaning: "Merkostnad per tonn CO2e et alternativ sparer mot referansen.", avoid: { nb: ["klimakost per tonn"], en: ["mitigation cost"] } },
  { nb: "karbonpris for lik kostnad", en: "break-even carbon price", meaning: "Den faste karbonprisen der alternativets livssykluskostnad med karbonkostnad blir lik referansens; tonnene diskonteres som kostnadene.", avoid: { nb: ["nullpunktspris"], en: ["breakeven carbon price"] } },
  { nb: "startverdi", en: "seed", meaning: "Tallet Monte Carlo-trekkene starter fra; samme startverdi gir de samme tallene.", avoid: { nb: ["frø"], en: ["random seed"] } },
  { nb: "trekk", en: "draws", meaning: "Hvor mange ganger Monte Carlo-simuleringen trekker inndataene og beregner på nytt.", avoid: { nb: ["simuleringer"], en: ["iterations"] } },
  { nb: "avfallspyramiden", en: "waste pyramid", meaning: "Avfallshierarkiet (avfallsdirektivet art. 4) som rangering: forebygging, ombruk, materialgjenvinning, annen gjenvinning, sluttbehandling.", avoid: { nb: ["avfallstrappen"], en: ["waste ladder"] } },
  { nb: "ombruk", en: "reuse", meaning: "Å bruke en ting igjen til det den var laget for, uten å lage den om.", avoid: { nb: ["gjenbruk"], en: ["re-use"] } },
  { nb: "materialgjenvinning", en: "material recycling", meaning: "Avfall blir til nytt materiale; kompostering og biogass regnes med.", avoid: { nb: ["resirkulering"], en: ["recycling of materials"] } },
  { nb: "siste ledd", en: "last leg", meaning: "Leveransen fra leverandørens lager fram til kommunen (livsløpsfase A4).", avoid: { nb: ["siste etappe", "sluttlevering"], en: ["final leg", "last mile"] } },
];
