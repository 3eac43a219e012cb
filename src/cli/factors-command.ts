/** `kalkyle factors [SEARCH]`: the factor library with value, unit and source. */
import type { Lang } from "../case/messages.js";
import { citation } from "../factors/citation.js";
import type { FactorLibrary } from "../factors/factor-set.js";
import { searchFactors } from "../factors/search.js";
import type { Io } from "./main.js";

export function listFactors(library: FactorLibrary, options: { search?: string; group?: string; set?: string; lang: Lang }, io: Io): number {
  const set = library.sets.get(options.set ?? library.newest);
  if (!set) {
    io.err(`--set: ${options.lang === "nb" ? "ukjent faktorsett" : "unknown factor set"} "${options.set}" (${[...library.sets.keys()].join(", ")})`);
    return 2;
  }
  const found = searchFactors(set, { text: options.search ?? "", group: options.group });
  for (const r of found) {
    const via = r.via ? ` × ${r.via}` : "";
    io.out(`${r.id}\t${r.value} ${r.unit}${via}\t${r.names[options.lang]}\t${citation(r.source)}`);
  }
  io.err(`${found.length} ${options.lang === "nb" ? "faktorer i sett" : "factors in set"} ${set.id}`);
  return 0;
}
