/**
 * `kalkyle evaluate --format table --samples N`: after the result's table,
 * one line per alternative with the P5–P95 range and the median (P50) of
 * its CO2e and lifecycle cost (and with carbon cost, when the case prices
 * carbon), and how often it beats the baseline in the same draw.
 *
 * Example (en):
 *   Uncertainty (Monte Carlo): 10,000 draws, seed 42, cost items ±10 %
 *   Alternative     t CO2e P5–P95  P50   Present value NOK P5–P95  P50      Beats the baseline: CO2e  cost
 *   B Ombrukt stol  0.05–0.08      0.07  110,000–130,000           120,000                    98 %  100 %
 */
import type { Lang } from "../case/messages.js";
import type { UncertaintyJson } from "../case/uncertainty.js";
import { text } from "../i18n/catalogue.js";
import { formatNumber } from "../i18n/numbers.js";

type Key = Parameters<typeof text>[1];
const say = (lang: Lang, key: Key, params?: Record<string, string>) => text(lang, key, params);

function grid(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")).join("\n");
}

/** A share as a percentage: 0 and 100 only when never or always, else one decimal kept inside 0.1 … 99.9. Example: 0.9996 → "99,9". */
function percentOf(share: number, lang: Lang): string {
  if (share === 0 || share === 1) return formatNumber(share * 100, lang, 0);
  return formatNumber(Math.min(99.9, Math.max(0.1, share * 100)), lang, 1);
}

/** The lines for the block; `names` gives each alternative's id its name. */
export function uncertaintyTable(block: UncertaintyJson, names: ReadonlyMap<string, string>, costPercent: number, lang: Lang): string {
  const t = (kg: number) => formatNumber(kg / 1000, lang, 2);
  const kr = (v: number) => formatNumber(v, lang, 0);
  const range = (p: { p5: number; p95: number }, f: (v: number) => string) => `${f(p.p5)}–${f(p.p95)}`;
  const share = (v: number | undefined) => (v === undefined ? "–" : `${percentOf(v, lang)} %`);
  const carbon = block.alternatives.some((a) => a.lccWithCarbon !== undefined);
  const head = ["alternative", "tonnes", "p50", "presentValue", "p50", ...(carbon ? ["presentValueWithCarbon", "p50"] : []), "beatsKg", "beatsCost"].map((k) => say(lang, `cli.uncertainty.head.${k}` as Key));
  const rows = block.alternatives.map((a) => {
    const beats = block.beatsBaseline.find((b) => b.id === a.id);
    return [
      `${a.id} ${names.get(a.id) ?? ""}`.trim(),
      range(a.kg, t),
      t(a.kg.p50),
      range(a.lcc, kr),
      kr(a.lcc.p50),
      ...(a.lccWithCarbon ? [range(a.lccWithCarbon, kr), kr(a.lccWithCarbon.p50)] : carbon ? ["–", "–"] : []),
      share(beats?.kg),
      share(beats?.lcc),
    ];
  });
  const title = say(lang, "cli.uncertainty.title", { samples: formatNumber(block.samples, lang, 0), seed: String(block.seed), percent: formatNumber(costPercent, lang, costPercent % 1 === 0 ? 0 : 1) });
  const defaults = block.inputs.some((i) => i.range.basis === "default") ? [say(lang, "cli.uncertainty.defaults")] : [];
  return [title, grid([head, ...rows]), ...defaults].join("\n");
}
