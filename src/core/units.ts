/**
 * Quantities and unit conversion (SI via mathjs, BigNumber mode).
 *
 * A quantity is "number unit", e.g. "1.2 t", "35 km", "1.5 MWh", "120 h".
 * User text is parsed as a unit, never evaluated as an expression. The US
 * short ton (`ton` in mathjs) is refused: in Norway "tonn" means the metric
 * tonne, and a silent 9 % error is worse than an error message.
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
const NUMBER_THEN_UNIT = /^\s*(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$/;

export type Quantity = { readonly value: Decimal; readonly unit: string };
export type QuantityProblem = "syntax" | "unknown-unit" | "short-ton" | "us-gallon" | "negative" | "too-large";

export type QuantityParse = { ok: true; quantity: Quantity } | { ok: false; problem: QuantityProblem; detail?: string };

/** Largest magnitude accepted anywhere a user types a number. */
export const MAX_MAGNITUDE = new Decimal("1e15");

/** Parses "1200 kg"; a bare number ("1") is a count of `unit`. */
export function parseQuantity(text: string): QuantityParse {
  const match = NUMBER_THEN_UNIT.exec(text);
  if (!match || text.length > 80) return { ok: false, problem: "syntax" };
  const value = new Decimal(match[1]!);
  if (value.isNegative() && !value.isZero()) return { ok: false, problem: "negative" };
  if (value.abs().gt(MAX_MAGNITUDE)) return { ok: false, problem: "too-large" };
  const unit = match[2] === "" ? "unit" : match[2]!;
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
type UnitProblem = "unknown-unit" | "short-ton" | "us-gallon";
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

/** Checks that `unit` is a unit mathjs knows (and not a refused US unit). */
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
