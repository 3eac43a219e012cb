/**
 * A factor given per calendar year, as the editor shows it read only: its
 * years in order with their values written the user's way, and its unit.
 *
 * Example: yearFactorText('{"byYear":{"2030":0.01,"2026":0.02},"unit":"kgCO2e/kWh"}', "nb")
 *          → { years: "2026: 0,02; 2030: 0,01", unit: "kgCO2e/kWh" }
 */
import type { Lang } from "../../case/messages.js";
import { editableNumber } from "./numbers.js";

/** The years and unit in words, or null when the text is not a factor by year (the form then says it cannot be read). */
export function yearFactorText(json: string, lang: Lang): { years: string; unit: string } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { byYear, unit } = parsed as { byYear?: unknown; unit?: unknown };
  if (typeof byYear !== "object" || byYear === null || Array.isArray(byYear)) return null;
  const entries = Object.entries(byYear as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  const years = entries.map(([year, value]) => `${year}: ${typeof value === "number" && Number.isFinite(value) ? editableNumber(value, { lang }) : String(value)}`).join("; ");
  return { years, unit: typeof unit === "string" ? unit : "" };
}
