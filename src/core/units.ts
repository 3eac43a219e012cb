/**
 * Quantities and unit conversion (SI via mathjs, BigNumber mode).
 *
 * A quantity is "number unit", e.g. "1.2 t", "35 km", "1.5 MWh", "120 h".
 * User text is parsed as a unit, never evaluated as an expression; the
 * number is read in one pass, after the text's length is checked, and a
 * number written with group spaces or a decimal comma ("1 200 l", "1,5 l")
 * is told apart from an unknown unit. A power (^) is taken only on the
 * area and volume units (m^2, m^3). The US short ton (`ton` in mathjs) is
 * refused: in Norway "tonn" means the metric tonne, and a silent 9 % error
 * is worse than an error message.
 *
 * Example: convertQuantity(parseQuantity("1.2 t").quantity, "kg") → 1200
 */
import { all, create, type Unit } from "mathjs";
import { Decimal } from "./decimal.js";

const math = create(all!, { number: "BigNumber", precision: 34 });
/** Tonne-kilometre, the unit of freight factors. */
math.createUnit("tkm", "1 t km");
/** A counted thing: one product, one delivery; the denominator of fixed factors. */
math.createUnit("unit", { aliases: ["units", "pcs", "stk"] });

/**
 * US customary units that pass for Norwegian ones and would be converted
 * silently with a 9 % (ton) or 3.8× (gallon) error: refused, with the
 * spelling to use instead.
 */
const REFUSED_UNITS: ReadonlyMap<string, "short-ton" | "us-gallon"> = new Map([
  ...["ton", "tons", "shortton", "longton"].map((u) => [u, "short-ton"] as const),
  ...["gal", "gallon", "gallons", "quart", "quarts", "pint", "pints", "cup", "cups", "floz", "fluidounce", "fluidounces", "gill", "gills"].map((u) => [u, "us-gallon"] as const),
]);
/**
 * The only powers (^) a typed unit may carry: areas and volumes of the
 * length units people use. mathjs would read any power, and "MWh^9999" or
 * "g^1e308" overflow or vanish in a conversion.
 */
const POWERED_UNITS: ReadonlySet<string> = new Set(["mm", "cm", "dm", "m", "km"].flatMap((u) => [`${u}^2`, `${u}^3`]));

/** Longest quantity or amount text read, number and unit together (the case format's limit). */
export const MAX_QUANTITY_LENGTH = 80;

export type Quantity = { readonly value: Decimal; readonly unit: string };
export type QuantityProblem = "syntax" | "too-long" | "number-format" | "unknown-unit" | "unit-power" | "short-ton" | "us-gallon" | "negative" | "too-large";

/** How a number was written where the format wants "1200.5": "1 200,5" and what follows it ("kg"). */
export type WrittenNumber = { readonly number: string; readonly rest: string };

export type QuantityParse = { ok: true; quantity: Quantity } | { ok: false; problem: QuantityProblem; detail?: string; written?: WrittenNumber };

/** Largest magnitude accepted anywhere a user types a number. */
export const MAX_MAGNITUDE = new Decimal("1e15");

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isSpace = (c: string | undefined) => c !== undefined && c.trim() === "";

/** Index after the digits from `i`. */
function digitsEnd(t: string, i: number): number {
  while (isDigit(t[i])) i++;
  return i;
}

/**
 * The number at the start of trimmed text, as the case format writes it:
 * "-"? digits, "." and digits, an exponent ("1.5", ".5", "5.", "1e3").
 * One pass; the index after it, or -1 when there is none.
 */
export function leadingNumberEnd(t: string): number {
  const start = t[0] === "-" ? 1 : 0;
  let i = digitsEnd(t, start);
  const whole = i > start;
  if (t[i] === ".") i = digitsEnd(t, i + 1);
  if (!whole && i <= start + 1) return -1;
  if ((t[i] === "e" || t[i] === "E") && (isDigit(t[i + 1]) || ((t[i + 1] === "+" || t[i + 1] === "-") && isDigit(t[i + 2])))) i = digitsEnd(t, i + 2);
  return i;
}

/**
 * Where the number that ends at `end` goes on as people write numbers
 * ("1 200 l": a space and more digits; "1,5 l": a decimal comma), the whole
 * number as written and the rest; otherwise null. One pass.
 */
export function writtenNumber(t: string, end: number): WrittenNumber | null {
  let j = end;
  while (isSpace(t[j])) j++;
  const goesOn = (t[end] === "," && isDigit(t[end + 1])) || (j > end && isDigit(t[j]));
  if (!goesOn) return null;
  let last = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (isDigit(c)) last = i + 1;
    else if (!(c === "," || c === "." || isSpace(c) || (i === 0 && c === "-"))) break;
  }
  // "1e3 5 kg": the number as written stops before the exponent; there is nothing to suggest
  return last < end ? { number: "", rest: t } : { number: t.slice(0, last), rest: t.slice(last).trim() };
}

/** Parses "1200 kg"; a bare number ("1") is a count of `unit`. The text's length is checked first. */
export function parseQuantity(text: string): QuantityParse {
  if (text.length > MAX_QUANTITY_LENGTH) return { ok: false, problem: "too-long", detail: String(MAX_QUANTITY_LENGTH) };
  const t = text.trim();
  const end = leadingNumberEnd(t);
  if (end < 0) return { ok: false, problem: "syntax" };
  const written = writtenNumber(t, end);
  if (written) return { ok: false, problem: "number-format", written };
  const value = new Decimal(t.slice(0, end));
  if (value.isNegative() && !value.isZero()) return { ok: false, problem: "negative" };
  if (value.abs().gt(MAX_MAGNITUDE)) return { ok: false, problem: "too-large" };
  const unit = t.slice(end).trim() || "unit";
  const problem = unitProblem(unit);
  return problem === null ? { ok: true, quantity: { value, unit } } : { ok: false, problem, detail: unit };
}

/**
 * Parsing a unit with mathjs is slow next to the arithmetic, and a case uses
 * a handful of units many times: each unit text is checked once, and each
 * (unit, target) conversion factor is computed once. Bounded, since the
 * texts come from users.
 */
const MEMO_LIMIT = 5000;
type UnitProblem = "unknown-unit" | "unit-power" | "short-ton" | "us-gallon";
const unitProblems = new Map<string, UnitProblem | null>();
const conversionFactors = new Map<string, Decimal | null>();

function remember<V>(memo: Map<string, V>, key: string, compute: () => V): V {
  if (memo.has(key)) return memo.get(key)!;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

function unitProblem(unit: string): UnitProblem | null {
  if (unit.includes("^") && !POWERED_UNITS.has(unit)) return "unit-power";
  return remember(unitProblems, unit, () => {
    let parsed: Unit;
    try {
      parsed = math.unit(`1 ${unit}`);
    } catch {
      return "unknown-unit";
    }
    const refused = parsed.units.find((u) => REFUSED_UNITS.has(u.unit.name));
    return refused ? REFUSED_UNITS.get(refused.unit.name)! : null;
  });
}

/** Checks that `unit` is a unit mathjs knows (and not a refused US unit, nor a power outside m^2 and m^3). */
export function isKnownUnit(unit: string): boolean {
  const parsed = parseQuantity(`1 ${unit}`);
  return parsed.ok;
}

/**
 * The quantity expressed in `target`, or null when the dimensions differ
 * (kg cannot become l). Example: 1.5 MWh in kWh → 1500.
 */
export function convertQuantity(quantity: Quantity, target: string): Decimal | null {
  const factor = remember(conversionFactors, `${quantity.unit}\u0000${target}`, () => {
    try {
      return new Decimal(String(math.unit(`1 ${quantity.unit}`).toNumeric(target)));
    } catch {
      return null;
    }
  });
  return factor === null ? null : quantity.value.mul(factor);
}

export type FactorUnit = {
  /** What the numerator is: CO2e mass, or another quantity for chained records (kWh/km). */
  readonly numerator: { kind: "co2e"; kgPerUnit: Decimal } | { kind: "quantity"; unit: string };
  readonly denominator: string;
};

const CO2E_SCALE: Record<string, string> = { g: "0.001", kg: "1", t: "1000" };
const CURRENCY = /^[A-Z]{3}$/;

/** Reads "kgCO2e/kWh", "gCO2e/t", "tCO2e/unit", "kgCO2e/NOK" or a chained "kWh/km". */
export function parseFactorUnit(text: string): FactorUnit | null {
  const slash = text.indexOf("/");
  if (slash <= 0 || slash !== text.lastIndexOf("/")) return null;
  const top = text.slice(0, slash).trim();
  const bottom = text.slice(slash + 1).trim();
  if (!CURRENCY.test(bottom) && !isKnownUnit(bottom)) return null;
  const co2e = /^(g|kg|t)CO2e$/.exec(top);
  if (co2e) return { numerator: { kind: "co2e", kgPerUnit: new Decimal(CO2E_SCALE[co2e[1]!]!) }, denominator: bottom };
  if (isKnownUnit(top)) return { numerator: { kind: "quantity", unit: top }, denominator: bottom };
  return null;
}

export function isCurrency(unit: string): boolean {
  return CURRENCY.test(unit);
}
