/**
 * `kalkyle factors [WORDS …] [--group G] [--unit U] [--source S] [--set ID]`:
 * the factor library with value, unit and source, found by the same search
 * index as the library page (most relevant first), the count on stderr.
 * A factor given per calendar year lists its years after its name, each
 * value written the language's way ("2023: 0,015" in bokmål).
 */
import type { Lang } from "../case/messages.js";
import { citation } from "../factors/citation.js";
import type { FactorLibrary } from "../factors/factor-set.js";
import type { FactorRecord } from "../factors/schema.js";
import { searchFactors } from "../factors/search.js";
import { text } from "../i18n/catalogue.js";
import type { Io } from "./main.js";

export type FactorListOptions = { search?: string; group?: string; unit?: string; source?: string; set?: string; lang: Lang };

/** "; etter år: 2019: 0,017 · 2020: 0,008", or "" for a single value. */
function byYearText(record: FactorRecord, lang: Lang): string {
  if (record.byYear === undefined) return "";
  const years = Object.keys(record.byYear).sort();
  const values = years.map((year) => `${year}: ${lang === "nb" ? record.byYear![year]!.replace(".", ",") : record.byYear![year]!}`).join(" · ");
  return `; ${text(lang, "cli.factors.by-year", { values })}`;
}

export function listFactors(library: FactorLibrary, options: FactorListOptions, io: Io): number {
  const set = library.sets.get(options.set ?? library.newest);
  if (!set) {
    io.err(text(options.lang, "cli.factors.unknown-set", { set: options.set, options: [...library.sets.keys()].join(", ") }));
    return 2;
  }
  const found = searchFactors(set, { text: options.search ?? "", group: options.group, unit: options.unit, source: options.source });
  for (const r of found) {
    const via = r.via ? ` × ${r.via}` : "";
    io.out(`${r.id}\t${r.value} ${r.unit}${via}\t${r.names[options.lang]}${byYearText(r, options.lang)}\t${citation(r.source)}`);
  }
  io.err(text(options.lang, "cli.factors.count", { count: found.length, set: set.id }));
  return 0;
}
