/**
 * The tender the award page's tests score by hand: three bids, each one
 * fixed emission (kg CO2e) and one acquisition price, over two years.
 * A 1 000 kr / 2 000 kg, B 1 200 kr / 1 000 kg, C 1 500 kr / 500 kg.
 */
const bid = (id: string, name: string, nok: number, kg: number) => ({
  id,
  name,
  emissions: [{ label: "Produksjon", kind: "fixed", factor: { value: 1, unit: "kgCO2e/unit" }, quantity: `${kg} unit` }],
  costs: [{ label: "Tilbudspris", kind: "acquisition", amount: nok }],
});

export function tender(title: string) {
  return {
    schema: "kalkyle.case/1",
    title,
    analysis: { startYear: 2026, years: 2, discountRate: 0.04 },
    alternatives: [bid("A", "Billig AS", 1000, 2000), bid("B", "Middels AS", 1200, 1000), bid("C", "Grønn AS", 1500, 500)],
  };
}
