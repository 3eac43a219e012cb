/**
 * The one note, in the page's language, that cites where the default
 * ranges of emission factors come from (the ecoinvent data quality
 * guideline's pedigree approach, src/factors/uncertainty.ts): shown once
 * under a table that lists inputs, instead of the same English citation on
 * every row with a default range. The scores are the data file's, in the
 * order of the method (reliability, completeness, temporal, geographical,
 * further technological correlation).
 *
 * Example (nb, generic activity factors used): "Standardspennene følger
 * pedigree-metoden i ecoinvent Centre, Overview and methodology. … (2013),
 * tabell 10.5, med poengene generell aktivitetsfaktor 2, 2, 2, 3, 3. https://…"
 */
import type { Lang } from "../../case/messages.js";
import type { DataKind } from "../../core/finance/types.js";
import { citationParts } from "../../factors/citation.js";
import { uncertaintyData } from "../../factors/uncertainty.js";
import { translate } from "../i18n/catalog.js";

/** The note for the kinds of data whose default ranges a page uses; null when it uses none. */
export function defaultRangeNote(kinds: Iterable<DataKind | undefined>, lang: Lang): string | null {
  const used = [...new Set([...kinds].filter((k): k is DataKind => k !== undefined))].sort();
  if (used.length === 0) return null;
  const data = uncertaintyData();
  const { source } = data.method;
  const { url } = citationParts(source);
  const table = /\d+(\.\d+)*/.exec(source.table ?? "")?.[0] ?? "";
  const scores = used.map((k) => translate(lang, "finance.mc.defaultScores", { kind: translate(lang, `finance.mc.dataKind.${k}`), scores: Object.values(data.defaults.get(k)!.scores).join(", ") })).join("; ");
  return translate(lang, "finance.mc.defaultSource", { source: `${source.publisher}, ${source.title} (${source.year})`, table, scores, url: url ?? "" }).trim();
}
