/** The cases the backup tests save: case n is titled "Sak n" and carries a few kilobytes, like a real case. */
export function caseDocument(n: number): Record<string, unknown> {
  const alternatives = ["A", "B", "C"].map((id) => ({
    id,
    name: `Alternativ ${id}`,
    emissions: Array.from({ length: 12 }, (_, i) => ({ factor: "fuel.diesel.b7", quantity: `${100 + i} l`, note: `Leveranse ${i} til byggeplassen for sak ${n}` })),
  }));
  return { schema: "kalkyle.case/1", title: `Sak ${n}`, analysis: { startYear: 2026, years: 10 }, alternatives };
}

export function caseResult() {
  return { factorSet: "2025-1", factorSetHash: `sha256:${"0".repeat(64)}`, result: { schema: "kalkyle.result/1" }, computedAt: "2026-03-14T10:00:00.000Z" };
}
