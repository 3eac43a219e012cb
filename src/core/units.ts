/**
 * Quantities and unit conversion (SI via mathjs, BigNumber mode).
 *
 * A quantity is "number unit", e.g. "1.2 t", "35 km", "1.5 MWh", "120 h".
 * User text is parsed as a unit, never evaluated as an expression; the
 * number is read in one pass, after the text's length is checked, and a
 * number written with group spaces or a decimal comma ("1 200 l", "1,5 l")
 * is told apart from an unknown unit. A unit is one of the spellings in
 * the units table (unit-table.ts), which maps it to a mathjs unit: mathjs
 * never reads a typed unit on its own, so "mil" is the Scandinavian mile
 * (10 km), never the US thousandth of an inch, and the US short ton and
 * gallon are refused with the spelling to use instead. A power (^, ², ³)
 * exists only on the area and volume units in the table (m², m^3, …).
 *
 * Example: convertQuantity(parseQuantity("1.2 t").quantity, "kg") → 1200;
 *          convertQuantity(parseQuantity("1500 mil").quantity, "km") → 15000
 */
import { all, create } from "mathjs";
import { Decimal } from "./decimal.js";
import { CUSTOM_UNITS, nearestSpelling, refusedUnit, unitSpelling, type RefusedProblem } from "./unit-table.js";

const math = create(all!, { number: "BigNumber", precision: 34 });
for (const unit of CUSTOM_UNITS) {
  if (unit.definition === "") math.createUnit(unit.name);
  else math.createUnit(unit.name, unit.definition);
}

/** Longest quantity or amount text read, number and unit together (the case format's limit). */
export const MAX_QUANTITY_LENGTH = 80;

export type Quantity = { readonly value: Decimal; readonly unit: string };
export type QuantityProblem = "syntax" | "too-long" | "number-format" | "unknown-unit" | "unit-power" | RefusedProblem | "negative" | "too-large";

/** How a number was written where the format wants "1200.5": "1 200,5" and what follows it ("kg"). */
export type WrittenNumber = { readonly number: string; readonly rest: string };

/**
 * A refused quantity; for a unit problem, `detail` is the unit as typed and
 * `suggestion` the accepted spelling nearest to it (an unknown unit) or to
 * write instead (a refused one), where there is one.
 */
export type QuantityParse = { ok: true; quantity: Quantity } | { ok: false; problem: QuantityProblem; detail?: string; suggestion?: string; written?: WrittenNumber };

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
  if (problem === null) return { ok: true, quantity: { value, unit } };
  return problem.suggestion === undefined ? { ok: false, problem: problem.problem, detail: unit } : { ok: false, problem: problem.problem, detail: unit, suggestion: problem.suggestion };
}

/**
 * Converting with mathjs is slow next to the arithmetic, and a case uses a
 * handful of units many times: each unit text's problem (and nearest
 * spelling) is worked out once, and each (unit, target) conversion factor
 * is computed once. Bounded, since the texts come from users.
 */
const MEMO_LIMIT = 5000;
type UnitProblem = { problem: "unknown-unit" | "unit-power" | RefusedProblem; suggestion?: string };
const unitProblems = new Map<string, UnitProblem | null>();
const conversionFactors = new Map<string, Decimal | null>();

function remember<V>(memo: Map<string, V>, key: string, compute: () => V): V {
  if (memo.has(key)) return memo.get(key)!;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** Null for a spelling in the units table; otherwise why not, with the spelling to write where there is one. */
function unitProblem(unit: string): UnitProblem | null {
  if (unitSpelling(unit)) return null;
  return remember(unitProblems, unit, () => {
    const refused = refusedUnit(unit);
    if (refused) return { problem: refused.problem, suggestion: refused.use };
    const suggestion = nearestSpelling(unit);
    const problem = /[\^²³]/.test(unit) ? "unit-power" : "unknown-unit";
    return suggestion === undefined ? { problem } : { problem, suggestion };
  });
}

/** Checks that `unit` is a spelling in the units table. */
export function isKnownUnit(unit: string): boolean {
  const parsed = parseQuantity(`1 ${unit}`);
  return parsed.ok;
}

/**
 * The quantity expressed in `target`, or null when the dimensions differ
 * (kg cannot become l). Example: 1.5 MWh in kWh → 1500.
 */
export function convertQuantity(quantity: Quantity, target: string): Decimal | null {
  const from = unitSpelling(quantity.unit);
  const to = unitSpelling(target);
  if (!from || !to) return null;
  const factor = remember(conversionFactors, `${from.mathjs}\u0000${to.mathjs}`, () => {
    try {
      return new Decimal(String(math.unit(`1 ${from.mathjs}`).toNumeric(to.mathjs)));
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
