/**
 * The two-alternative case the sensitivity and switching tests compute by
 * hand, and the exact core's B − A with one input set to a value, to check
 * the fast figures against (evaluating a changed copy of the case in
 * decimals, as a user would by editing the case).
 *
 * A: 1 000 000 NOK now; 10 000 kg steel (factor "steel", 2 kg CO2e/kg) → 20 000 kg.
 * B:   600 000 NOK now + 50 000 a year in years 1..10 (operation);
 *      6 000 kg steel → 12 000 kg; 600 kWh a year of electricity (factor "el",
 *      0.5 kg/kWh) in years 1..10 → 300 kg a year, 3 000 kg.
 * 10 years at a flat 4 %: annuity a(4 %, 10) = (1 − 1.04^−10) / 0.04 = 8.110 895 779…
 * B − A: LCC 600 000 + 50 000 × 8.110 895 779 − 1 000 000 = 5 544.788 968 NOK;
 *        kg 12 000 + 3 000 − 20 000 = −5 000 kg.
 */
import { Decimal } from "../../../src/core/decimal.js";
import { evaluateCase } from "../../../src/core/evaluate.js";
import type { ResolvedCase, ResolvedEmissionItem } from "../../../src/core/types.js";
import { alternative, cost, d, emission, resolvedCase } from "../builders.js";

export const withFactor = (id: string, item: ResolvedEmissionItem): ResolvedEmissionItem => ({ ...item, factor: id, source: `factor ${id}` });

export function pairCase(over: Partial<Omit<ResolvedCase, "alternatives">> = {}): ResolvedCase {
  return resolvedCase(
    [
      alternative("A", {
        costs: [cost({ amount: 1_000_000, label: "Kjøp A" })],
        emissions: [withFactor("steel", emission({ quantity: 10_000, kgPerUnit: 2, label: "Stål A" }))],
      }),
      alternative("B", {
        costs: [cost({ amount: 600_000, label: "Kjøp B" }), cost({ kind: "operation", amount: 50_000, every: 1, label: "Drift B" })],
        emissions: [
          withFactor("steel", emission({ quantity: 6_000, kgPerUnit: 2, label: "Stål B" })),
          withFactor("el", emission({ kind: "energy", quantity: 600, kgPerUnit: "0.5", every: 1, label: "Strøm B" })),
        ],
      }),
    ],
    { ranking: "lcc", ...over },
  );
}

const num = (value: number) => new Decimal(value);

/** The case with the input `key` (as the sensitivity result names it) at `value`, in decimals. */
export function withInput(c: ResolvedCase, key: string, value: number): ResolvedCase {
  if (key === "discount-rate") {
    const shift = num(value).minus(c.discountSchedule?.[0]?.rate ?? c.discountRate);
    const schedule = (c.discountSchedule ?? [{ fromYear: 0, rate: c.discountRate }]).map((s) => ({ fromYear: s.fromYear, rate: Decimal.max(0, s.rate.plus(shift)) }));
    return { ...c, discountRate: schedule[0]!.rate, discountSchedule: schedule };
  }
  if (key === "years") return { ...c, years: value };
  const [kind, rest] = key.split(":") as [string, string];
  if (kind === "factor") {
    return { ...c, alternatives: c.alternatives.map((alt) => ({ ...alt, emissions: alt.emissions.map((e) => (e.factor === rest ? { ...e, kgPerUnit: num(value) } : e)) })) };
  }
  const [altId, index] = rest.split("/") as [string, string];
  return {
    ...c,
    alternatives: c.alternatives.map((alt) => {
      if (alt.id !== altId) return alt;
      const at = Number(index);
      if (kind === "inline") return { ...alt, emissions: alt.emissions.map((e, i) => (i === at ? { ...e, kgPerUnit: num(value) } : e)) };
      const field = kind === "cost" ? "amount" : "escalation";
      return { ...alt, costs: alt.costs.map((item, i) => (i === at ? { ...item, [field]: num(value) } : item)) };
    }),
  };
}

/** B − A by the exact core, as numbers: LCC (with carbon when asked) and kg. */
export function exactDifference(c: ResolvedCase, a: string, b: string, options: { withCarbon?: boolean } = {}): { lcc: number; kg: number } {
  const result = evaluateCase(c);
  const of = (id: string) => result.alternatives.find((x) => x.id === id)!;
  const lcc = (id: string) => (options.withCarbon ? of(id).lcc.presentValueWithCarbon! : of(id).lcc.presentValue);
  return { lcc: lcc(b).minus(lcc(a)).toNumber(), kg: of(b).emissions.totalKg.minus(of(a).emissions.totalKg).toNumber() };
}

export { d };
