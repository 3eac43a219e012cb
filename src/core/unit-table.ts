/**
 * Every unit a user can type, in one table: the spelling as typed (exactly,
 * case and all) and the mathjs unit it maps to. The table is a whitelist:
 * a spelling that is not here is not a unit, whatever mathjs would make of
 * it ("mil" would be a thousandth of an inch, "ton" the US short ton).
 * Prefixed units are listed one by one (kWh, MWh, GWh), never derived.
 *
 * Refused spellings are units people do type but that Kalkyle will not
 * read, each with the spelling to use instead.
 *
 * Example: unitSpelling("mil") → { spelling: "mil", mathjs: "scandinavianmile" } (10 km);
 *          refusedUnit("Sm3") → { problem: "standard-cubic-metre", use: "m³" }
 */

/** A unit the user may type and the mathjs unit (of units.ts's own mathjs instance) it stands for. */
export type UnitSpelling = { readonly spelling: string; readonly mathjs: string };

/** Units mathjs does not have, made in units.ts: name → definition. */
export const CUSTOM_UNITS: ReadonlyArray<{ name: string; definition: string }> = [
  /** The Scandinavian mile, "mil" in Norway and Sweden. */
  { name: "scandinavianmile", definition: "10 km" },
  /** Tonne-kilometre, the unit of freight factors. */
  { name: "tkm", definition: "1 t km" },
  /** A counted thing: one product, one delivery; the denominator of fixed factors (a base unit of its own). */
  { name: "unit", definition: "" },
];

const spell = (mathjs: string, ...spellings: string[]): UnitSpelling[] => spellings.map((spelling) => ({ spelling, mathjs }));

/** The area and volume spellings of a length unit: m2, m², m^2, m3, m³, m^3. */
const powers = (length: string): UnitSpelling[] => [...spell(`${length}^2`, `${length}2`, `${length}²`, `${length}^2`), ...spell(`${length}^3`, `${length}3`, `${length}³`, `${length}^3`)];

export const UNIT_TABLE: readonly UnitSpelling[] = [
  // mass
  ...spell("g", "g"),
  ...spell("kg", "kg"),
  ...spell("t", "t", "tonn", "tonne", "tonnes"),
  // length and distance: "mil" is always the Scandinavian mile
  ...spell("mm", "mm"),
  ...spell("cm", "cm"),
  ...spell("dm", "dm"),
  ...spell("m", "m"),
  ...spell("km", "km"),
  ...spell("scandinavianmile", "mil"),
  // areas and volumes of those lengths
  ...["mm", "cm", "dm", "m", "km"].flatMap(powers),
  // volume
  ...spell("ml", "ml", "mL"),
  ...spell("cl", "cl", "cL"),
  ...spell("dl", "dl", "dL"),
  ...spell("l", "l", "L", "liter", "litre"),
  // energy: the lower-case spellings are how people type them; no one means milliwatt-hours
  ...spell("Wh", "Wh"),
  ...spell("kWh", "kWh", "kwh"),
  ...spell("MWh", "MWh", "mwh"),
  ...spell("GWh", "GWh", "gwh"),
  ...spell("MJ", "MJ"),
  ...spell("GJ", "GJ"),
  // time
  ...spell("min", "min"),
  ...spell("h", "h", "time", "timer"),
  ...spell("day", "døgn"),
  // freight and counts
  ...spell("tkm", "tkm"),
  ...spell("unit", "unit", "units", "pcs", "stk"),
];

export type RefusedProblem = "short-ton" | "us-gallon" | "standard-cubic-metre";
/** A unit people type that Kalkyle refuses, and the accepted spelling to write instead. */
export type RefusedUnit = { readonly spelling: string; readonly problem: RefusedProblem; readonly use: string };

const refuse = (problem: RefusedProblem, use: string, ...spellings: string[]): RefusedUnit[] => spellings.map((spelling) => ({ spelling, problem, use }));

export const REFUSED_UNITS: readonly RefusedUnit[] = [
  // the US short ton (907 kg): a silent 9 % error next to the tonne
  ...refuse("short-ton", "t", "ton", "tons", "kton", "shortton", "longton", "Ton", "Tons"),
  // US volumes (a gallon is 3.785 l)
  ...refuse("us-gallon", "l", "gal", "gallon", "gallons", "quart", "quarts", "pint", "pints", "cup", "cups", "floz", "fluidounce", "fluidounces", "gill", "gills"),
  // standard cubic metres of gas: the bundled gas factors are per m³ (at standard conditions) or per kWh
  ...refuse("standard-cubic-metre", "m³", "Sm3", "Sm³", "Sm^3", "sm3", "sm³", "SM3", "scm"),
];

const BY_SPELLING: ReadonlyMap<string, UnitSpelling> = new Map(UNIT_TABLE.map((u) => [u.spelling, u]));
const REFUSED: ReadonlyMap<string, RefusedUnit> = new Map(REFUSED_UNITS.map((u) => [u.spelling, u]));

/** The table's entry for a typed unit, or undefined when it is not a unit Kalkyle reads. */
export function unitSpelling(text: string): UnitSpelling | undefined {
  return BY_SPELLING.get(text);
}

/** The refusal for a typed unit, or undefined. */
export function refusedUnit(text: string): RefusedUnit | undefined {
  return REFUSED.get(text);
}

/** Edit distance of at most one (one letter added, dropped or changed); one pass. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i + (a.length >= b.length ? 1 : 0));
  const restB = b.slice(i + (b.length >= a.length ? 1 : 0));
  return restA === restB;
}

/**
 * The accepted spelling nearest to an unknown unit, where one is close:
 * the same letters in another case ("Tonn" → "tonn", "KWH" → "kWh"), or,
 * for what is typed in three letters or more, one letter off ("tonnn" →
 * "tonn", "kgs" → "kg").
 * Undefined when nothing is close.
 */
export function nearestSpelling(text: string): string | undefined {
  const lower = text.toLowerCase();
  const sameLetters = UNIT_TABLE.find((u) => u.spelling.toLowerCase() === lower);
  if (sameLetters) return sameLetters.spelling;
  if (lower.length < 3) return undefined;
  const near = UNIT_TABLE.filter((u) => u.spelling.length >= 2 && withinOneEdit(u.spelling.toLowerCase(), lower));
  return near.length > 0 ? near[0]!.spelling : undefined;
}
