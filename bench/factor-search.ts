/**
 * `npx tsx bench/factor-search.ts`: how long the factor search index takes
 * to build for each bundled set (the first build in a process pays for
 * warming up the code as well; each later set is timed as a server would
 * see it) and how long a query takes on the newest set, for the words
 * buyers type: the median of many runs after one warm-up, beside the
 * reference of the same run: the substring scan the index replaced (every
 * word in the id, names, publisher or group), as a ratio. Figures only, no
 * assertions; part of `npm run bench`.
 */
import type { FactorSet } from "../src/factors/factor-set.js";
import { loadFactorLibrary } from "../src/factors/load.js";
import { factorIndex, searchFactors } from "../src/factors/search.js";

const QUERIES = ["kontorstol", "PC", "kjøretøy", "kjoretoy", "kWh", "elektrisitett", "diesel van", "varebil diesel klasse", "EXIOBASE"];
const RUNS = 200;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const fold = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

/** The reference: the substring scan the index replaced (it finds nothing for most of these words). */
function scan(set: FactorSet, text: string): number {
  const words = fold(text).split(/\s+/).filter(Boolean);
  let hits = 0;
  for (const r of set.records.values()) if (words.every((w) => fold(`${r.id} ${r.names.nb} ${r.names.en} ${r.source.publisher} ${r.group}`).includes(w))) hits++;
  return hits;
}

function medianOf(run: () => unknown): number {
  run();
  return median(
    Array.from({ length: RUNS }, () => {
      const start = performance.now();
      run();
      return performance.now() - start;
    }),
  );
}

function timeBuild(set: FactorSet): number {
  const start = performance.now();
  factorIndex(set);
  return performance.now() - start;
}

const library = loadFactorLibrary();
for (const set of library.sets.values()) console.log(`build ${set.id} (${set.records.size} records): ${timeBuild(set).toFixed(1)} ms`);
// A second load gives new set objects, so the index is built again, now with warm code.
for (const set of loadFactorLibrary().sets.values()) console.log(`build ${set.id} again, warm: ${timeBuild(set).toFixed(1)} ms`);

const newest = library.sets.get(library.newest)!;
for (const text of QUERIES) {
  const index = medianOf(() => searchFactors(newest, { text }));
  const reference = medianOf(() => scan(newest, text));
  console.log(`query «${text}» on ${newest.id}: median ${index.toFixed(3)} ms, ${searchFactors(newest, { text }).length} hits; substring scan ${reference.toFixed(3)} ms, ${scan(newest, text)} hits; index/scan ${(index / reference).toFixed(2)}×`);
}
