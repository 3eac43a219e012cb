/**
 * The smallest realistic case the web tests save, evaluate and race: two
 * alternatives, a new one (10 kg CO2e, NOK 1 000) and a reused one
 * (2 kg CO2e, NOK 600) over five years, under a title of the test's choice.
 */
export const twoAlternativeCase = (title: string): Record<string, unknown> => ({
  schema: "kalkyle.case/1",
  title,
  analysis: { startYear: 2026, years: 5 },
  alternatives: [
    { id: "A", name: "Ny", emissions: [{ kind: "fixed", factor: { value: 10, unit: "kgCO2e/unit" }, quantity: "1" }], costs: [{ kind: "acquisition", amount: "1000 NOK" }] },
    { id: "B", name: "Brukt", wasteLevel: "reuse", emissions: [{ kind: "fixed", factor: { value: 2, unit: "kgCO2e/unit" }, quantity: "1" }], costs: [{ kind: "acquisition", amount: "600 NOK" }] },
  ],
});
