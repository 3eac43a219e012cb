/**
 * The smallest realistic case the web tests save, evaluate and race: two
 * alternatives, a new one (10 kg CO2e, NOK 1 000) and a reused one
 * (2 kg CO2e, NOK 600) over five years, under a title of the test's choice;
 * and the same case as the editor's form posts it.
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

/** twoAlternativeCase as the editor's form posts it, saving over `version`. */
export const twoAlternativeFields = (title: string, version: number): [string, string][] => [
  ["title", title],
  ["analysis.startYear", "2026"],
  ["analysis.years", "5"],
  ["alternatives[0].id", "A"],
  ["alternatives[0].name", "Ny"],
  ["alternatives[0].emissions[0].kind", "fixed"],
  ["alternatives[0].emissions[0].factor", "10 kgCO2e/unit"],
  ["alternatives[0].emissions[0].quantity", "1"],
  ["alternatives[0].costs[0].kind", "acquisition"],
  ["alternatives[0].costs[0].amount", "1000 NOK"],
  ["alternatives[1].id", "B"],
  ["alternatives[1].name", "Brukt"],
  ["alternatives[1].wasteLevel", "reuse"],
  ["alternatives[1].emissions[0].kind", "fixed"],
  ["alternatives[1].emissions[0].factor", "2 kgCO2e/unit"],
  ["alternatives[1].emissions[0].quantity", "1"],
  ["alternatives[1].costs[0].kind", "acquisition"],
  ["alternatives[1].costs[0].amount", "600 NOK"],
  ["version", String(version)],
  ["action", "save"],
];
