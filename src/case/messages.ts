/**
 * Problem messages in the user's language (bokmål first, English second).
 * A problem is a code with parameters; the text is made at the edge, so the
 * API, the command line and the forms say the same thing.
 */
import { text } from "../i18n/catalogue.js";
import { CLIMATE_PROBLEM_MESSAGES } from "../core/climate/climate-problems.js";
import { LEDGER_PROBLEM_MESSAGES } from "../ledger/ledger-problems.js";

export type Lang = "nb" | "en";

/** One text in both languages: what every area of the text catalogue holds per code. */
export type Bilingual = Record<Lang, string>;

export const PROBLEM_MESSAGES = {
  json: { nb: "er ikke gyldig JSON: {detail}", en: "is not valid JSON: {detail}" },
  required: { nb: "må fylles ut", en: "is required" },
  "unknown-field": { nb: "ukjent felt «{field}» (sjekk stavemåten)", en: "unknown field \"{field}\" (check the spelling)" },
  type: { nb: "må være {expected}", en: "must be {expected}" },
  "one-of": { nb: "må være en av: {options}", en: "must be one of: {options}" },
  "too-small": { nb: "må være minst {min}", en: "must be at least {min}" },
  "too-small-exclusive": { nb: "må være større enn {min}", en: "must be greater than {min}" },
  "too-big": { nb: "kan være høyst {max}", en: "must be at most {max}" },
  "too-short": { nb: "må ha minst {min} element(er)", en: "must have at least {min} item(s)" },
  "too-long": { nb: "kan ha høyst {max} tegn eller element", en: "must have at most {max} characters or items" },
  integer: { nb: "må være et heltall", en: "must be a whole number" },
  invalid: { nb: "er ugyldig: {detail}", en: "is invalid: {detail}" },
  "quantity-syntax": { nb: "«{value}» er ikke et tall fulgt av en enhet, f.eks. «1200 kg»", en: "\"{value}\" is not a number followed by a unit, e.g. \"1200 kg\"" },
  "unit-mismatch": { nb: "«{value}» kan ikke regnes om til {unit}", en: "\"{value}\" cannot be converted to {unit}" },
  "unknown-unit": { nb: "«{value}» kan ikke regnes om til {unit} (ukjent enhet «{given}»)", en: "\"{value}\" cannot be converted to {unit} (unknown unit \"{given}\")" },
  "unknown-unit-near": { nb: "«{value}» kan ikke regnes om til {unit} (ukjent enhet «{given}»); mente du «{suggestion}»?", en: "\"{value}\" cannot be converted to {unit} (unknown unit \"{given}\"); did you mean \"{suggestion}\"?" },
  "short-ton": { nb: "«{value}»: «{given}» er amerikansk short ton; skriv «t» eller «tonn» for tonn", en: "\"{value}\": \"{given}\" is the US short ton; write \"t\" for metric tonnes" },
  "standard-cubic-metre": {
    nb: "«{value}»: standardkubikkmeter («{given}») regnes ikke om; skriv gassmengden i «m³» (gassfaktorene per m³ gjelder standardkubikkmeter) eller energien i «kWh»",
    en: "\"{value}\": standard cubic metres (\"{given}\") are not converted; write the gas in \"m³\" (the gas factors per m³ are per standard cubic metre) or its energy in \"kWh\"",
  },
  "us-gallon": { nb: "«{value}»: «{given}» er en amerikansk volumenhet; skriv «l» for liter", en: "\"{value}\": \"{given}\" is a US volume unit; write \"l\" for litres" },
  "unit-power": { nb: "«{value}»: enheten «{given}» har en potens; bare m² og m³ (også skrevet m2, m^2, m3, m^3, og med mm, cm, dm og km) kan ha potens", en: "\"{value}\": the unit \"{given}\" has a power; only m² and m³ (also written m2, m^2, m3, m^3, and with mm, cm, dm and km) may have one" },
  "number-format": { nb: "«{value}»: i en saksfil skrives tall uten mellomrom og med desimalpunktum; skriv «{suggestion}»", en: "\"{value}\": a case file writes numbers without spaces and with a decimal point; write \"{suggestion}\"" },
  "number-format-ambiguous": { nb: "«{value}»: kommaet kan være både desimaltegn og tusenskille; skriv «{suggestion}» eller «{alternative}»", en: "\"{value}\": the comma can be a decimal sign or a thousands separator; write \"{suggestion}\" or \"{alternative}\"" },
  "number-format-unreadable": { nb: "«{value}»: tallet kan ikke leses; i en saksfil skrives tall uten mellomrom og med desimalpunktum, f.eks. «1200.5 kg»", en: "\"{value}\": the number cannot be read; a case file writes numbers without spaces and with a decimal point, e.g. \"1200.5 kg\"" },
  "not-finite": { nb: "«{value}» gir et tall i {unit} som er for stort til å regnes med (over 10^100)", en: "\"{value}\" gives a figure in {unit} too large to compute with (over 10^100)" },
  underflow: { nb: "«{value}» er ikke null, men gir et tall i {unit} så lite at det blir 0 (under 10^-100)", en: "\"{value}\" is not zero but gives a figure in {unit} so small that it comes out as 0 (below 10^-100)" },
  "needs-unit": { nb: "{value} mangler enhet: skriv mengden med enhet, f.eks. «{value} {unit}»", en: "{value} has no unit: write the quantity with its unit, e.g. \"{value} {unit}\"" },
  "life-and-every": { nb: "oppgi enten levetid (life) eller intervall (every), ikke begge", en: "give either a service life (life) or an interval (every), not both" },
  "life-not-allowed": { nb: "en post av typen {kind} har ingen levetid", en: "an item of kind {kind} has no service life" },
  "existing-stock-not-waste": { nb: "bare avfallsposter kan merkes som eksisterende beholdning", en: "only waste items can be marked as existing stock" },
  "unknown-carbon-path": { nb: "faktorsett {set} har ingen karbonprisbane «{id}» (finnes: {options})", en: "factor set {set} has no carbon price path \"{id}\" (available: {options})" },
  negative: { nb: "«{value}» kan ikke være negativ", en: "\"{value}\" cannot be negative" },
  "too-large": { nb: "«{value}» er for stort", en: "\"{value}\" is too large" },
  "money-syntax": { nb: "«{value}» er ikke et beløp i NOK, f.eks. «180000 NOK»", en: "\"{value}\" is not an amount in NOK, e.g. \"180000 NOK\"" },
  "spend-currency": { nb: "«{value}»: utgiftsbaserte faktorer tar beløp i NOK", en: "\"{value}\": spend-based factors take amounts in NOK" },
  "unknown-factor": { nb: "ukjent faktor «{id}» i faktorsett {set}", en: "unknown factor \"{id}\" in factor set {set}" },
  "unknown-factor-set": { nb: "ukjent faktorsett «{id}» (finnes: {options})", en: "unknown factor set \"{id}\" (available: {options})" },
  "factor-unit": { nb: "«{unit}» er ikke en faktorenhet som kgCO2e/kg", en: "\"{unit}\" is not a factor unit such as kgCO2e/kg" },
  "negative-factor": { nb: "en negativ faktor er bare tillatt i trinn D", en: "a negative factor is only allowed in stage D" },
  // Factors that change by year: each given year checked on its own (src/case/resolve.ts yearFactor, checkYearFigures)
  "negative-factor-year": { nb: "verdien for {year} er negativ; en negativ faktor er bare tillatt i trinn D", en: "the value for {year} is negative; a negative factor is only allowed in stage D" },
  "year-figure-not-finite": {
    nb: "«{value}» gir med faktoren for {year} et tall i kg CO2e som er for stort til å regnes med (over 10^100)",
    en: "\"{value}\" with the factor for {year} gives a figure in kg CO2e too large to compute with (over 10^100)",
  },
  "year-figure-underflow": {
    nb: "«{value}» med faktoren for {year} er ikke null, men gir et tall i kg CO2e så lite at det blir 0 (under 10^-100)",
    en: "\"{value}\" with the factor for {year} is not zero but gives a figure in kg CO2e so small that it comes out as 0 (below 10^-100)",
  },
  // Figures by calendar year (an inline factor's byYear, a carbon price path): their keys, their size, and value given beside byYear (src/case/schema.ts, zod-problems.ts)
  "calendar-year-key": { nb: "må være et firesifret kalenderår, f.eks. 2030", en: "must be a four-digit calendar year, e.g. 2030" },
  "by-year-empty": { nb: "må ha verdien for minst ett kalenderår", en: "must give the value for at least one calendar year" },
  "by-year-too-many": { nb: "kan ha høyst {max} år", en: "may have at most {max} years" },
  "either-field": { nb: "oppgi enten {first} eller {second}, ikke begge", en: "give either {first} or {second}, not both" },
  "not-electricity": { nb: "«{id}» er ikke en strømfaktor", en: "\"{id}\" is not an electricity factor" },
  "price-year": { nb: "faktorsettet har ingen prisindeks for {year} (finnes: {options})", en: "the factor set has no price index for {year} (available: {options})" },
  "after-period": { nb: "år {year} er etter analyseperioden (0–{years})", en: "year {year} is after the analysis period (0–{years})" },
  "duplicate-id": { nb: "id «{id}» er brukt før", en: "id \"{id}\" is used twice" },
  "unknown-baseline": { nb: "«{id}» er ikke et alternativ (finnes: {options})", en: "\"{id}\" names no alternative (available: {options})" },
  "too-many-problems": { nb: "og {count} feil til (bare de første {shown} vises)", en: "and {count} more problems (only the first {shown} are shown)" },
  "limit-body": { nb: "saken er større enn {limit}, det meste én forespørsel kan sende", en: "the case is larger than {limit}, the most one request may send" },
  "limit-depth": { nb: "dokumentet er nestet dypere enn {limit} nivåer (en sak trenger 6)", en: "the document is nested deeper than {limit} levels (a case needs 6)" },
  "limit-occurrences": {
    nb: "saken er for stor til å beregnes: postene forekommer mer enn {limit} ganger i alt (post × år), og denne posten går over grensen; del saken opp eller bruk færre gjentakelser",
    en: "the case is too large to evaluate: its items occur more than {limit} times in all (item × year), and this item passes the limit; split the case or use fewer repeats",
  },
  "limit-items": {
    nb: "saken har mer enn {limit} poster (utslipp og kostnader i alle alternativene til sammen), og denne går over grensen; del saken opp",
    en: "the case has more than {limit} items (emissions and costs of all alternatives together), and this one passes the limit; split the case",
  },
  "limit-samples": {
    nb: "for mange trekk for en sak av denne størrelsen: høyst {limit} for {items} poster",
    en: "too many draws for a case of this size: at most {limit} for {items} items",
  },
  "limit-units": { nb: "saken bruker mer enn {limit} ulike enheter, og denne går over grensen", en: "the case uses more than {limit} different units, and this one passes the limit" },
  "time-limit": { nb: "beregningen ble stoppet etter {seconds} sekunder: saken er for tung til å beregnes", en: "the calculation was stopped after {seconds} seconds: the case is too heavy to evaluate" },
  "needs-carbon-price": { nb: "rangering med karbonkostnad krever analysis.carbonPrice", en: "ranking with carbon cost needs analysis.carbonPrice" },
  // Data quality: an item's tier and its EPD (src/case/resolve-tiers.ts)
  "tier-needs-epd": {
    nb: "datakvaliteten «{tier}» gjelder en produktspesifikk verdi og trenger EPD-en den kommer fra: oppgi EPD-ens registreringsnummer",
    en: "data tier \"{tier}\" is for a product-specific value and needs the EPD it comes from: give the EPD's registration number",
  },
  "tier-needs-verifier": { nb: "en tredjepartsverifisert EPD må si hvem som verifiserte den", en: "a third-party verified EPD must say who verified it" },
  "spend-item-epd": {
    nb: "en utgiftsbasert post kan ikke ha EPD: legg EPD-verdien inn som en post for materialet, med EPD-ens verdi som faktor",
    en: "a spend-based item cannot have an EPD: enter the EPD's value as an item for the material, with the EPD's value as its factor",
  },
  "epd-with-lower-tier": {
    nb: "posten har en EPD, men datakvaliteten «{tier}»: fjern datakvaliteten (den følger da EPD-en) eller fjern EPD-en",
    en: "the item has an EPD but data tier \"{tier}\": leave out the tier (it then follows the EPD) or remove the EPD",
  },
  // Award points (docs/case-format.md, "Award points")
  "award-weights-sum": { nb: "vektene er til sammen {sum} %; de må til sammen være 100 %", en: "the weights add up to {sum} %; they must add up to 100 %" },
  "award-no-cost": { nb: "tildelingen må ha pris eller livssykluskostnad (LCC) som kriterium", en: "the award needs price or lifecycle cost (LCC) as a criterion" },
  "award-cost-twice": { nb: "pris eller livssykluskostnad kan bare være kriterium én gang (velg det ene)", en: "price or lifecycle cost can be a criterion only once (choose one)" },
  "award-climate-twice": { nb: "klima kan bare være kriterium én gang", en: "climate can be a criterion only once" },
  "award-quality-twice": { nb: "kvalitet kan bare være kriterium én gang", en: "quality can be a criterion only once" },
  "award-model-required": { nb: "kriteriet trenger en poengmodell: lineær, proporsjonal eller intervaller", en: "the criterion needs a scoring model: linear, proportional or intervals" },
  "award-model-quality": { nb: "kvalitet har ingen poengmodell: oppdragsgiveren setter poengene selv", en: "quality has no scoring model: the buyer enters its points" },
  "award-points-not-quality": { nb: "bare kvalitetskriteriet har poeng satt av oppdragsgiveren", en: "only the quality criterion takes points entered by the buyer" },
  "award-quality-unknown": { nb: "«{id}» er ikke et tilbud i saken (finnes: {options})", en: "\"{id}\" is not a bid in the case (available: {options})" },
  "award-points-above-max": { nb: "{points} poeng er mer enn makspoengene ({max})", en: "{points} points is more than the maximum points ({max})" },
  "award-bands-order": { nb: "grensene må stige fra intervall til intervall: {upTo} er ikke over forrige grense, {previous}", en: "the limits must rise from band to band: {upTo} is not above the previous limit, {previous}" },
  "award-bands-points": { nb: "poengene kan ikke stige fra et intervall til det neste: {points} er mer enn forrige intervalls {previous}", en: "the points cannot rise from one band to the next: {points} is more than the previous band's {previous}" },
  "award-marked-up-needs-markup": { nb: "poeng på utslipp med påslag krever at saken har påslag for datakvalitet", en: "scoring on marked-up emissions needs the case to set data-quality mark-ups" },
  ...CLIMATE_PROBLEM_MESSAGES,
  ...LEDGER_PROBLEM_MESSAGES,
} satisfies Record<string, Bilingual>;

export type ProblemCode = keyof typeof PROBLEM_MESSAGES;
/** Problems that say the case is beyond what one request may compute, not that it is wrong (HTTP 413). */
export const isLimitProblem = (problem: Problem): boolean => problem.code.startsWith("limit-") || problem.code === "time-limit";
export type Problem = { path: string; code: ProblemCode; params: Record<string, string> };

const TYPE_NAMES = ["number", "string", "object", "array", "boolean"] as const;
const isTypeName = (name: string): name is (typeof TYPE_NAMES)[number] => (TYPE_NAMES as readonly string[]).includes(name);

export function problemMessage(problem: Problem, lang: Lang): string {
  const params = { ...problem.params };
  if (problem.code === "type" && params.expected && isTypeName(params.expected)) params.expected = text(lang, `case.type.${params.expected}`);
  // A limit is a plain count; written as each language writes numbers ("200 000", "200,000").
  if (params.limit && /^\d{4,}$/.test(params.limit)) params.limit = Number(params.limit).toLocaleString(lang === "nb" ? "nb-NO" : "en-GB");
  return text(lang, `problem.${problem.code}`, params);
}

/** "alternatives[1].emissions[0].quantity: "12 parsecs" cannot be converted to l" */
export function problemLine(problem: Problem, lang: Lang): string {
  return `${problem.path}: ${problemMessage(problem, lang)}`;
}
