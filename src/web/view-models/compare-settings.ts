/**
 * The analysis settings shown at the top of the comparison page and the
 * report: period, discount rate, carbon price, factor set (id and hash),
 * the electricity factor and its basis, the price year (where the case has
 * spend items), ranking and baseline.
 * The discount rate and the carbon path are put in words by analysis-terms.ts.
 */
import type { Evaluation } from "../../case/evaluate-document.js";
import type { Lang } from "../../case/messages.js";
import { translate } from "../i18n/catalog.js";
import { carbonPathText, discountText, hasSpendItems, usesR109 } from "./analysis-terms.js";

export type OkEvaluation = Extract<Evaluation, { ok: true }>;

export function settingsModel(evaluation: OkEvaluation, lang: Lang) {
  const { doc, resolved, context } = evaluation;
  const set = context.set;
  const electricityRecord = set.records.get(context.electricity.factor);
  const baseline = resolved.alternatives.find((a) => a.id === resolved.baseline);
  const start = resolved.startYear;
  return {
    functionalUnit: doc.functionalUnit ? doc.functionalUnit : null,
    category: doc.category ? translate(lang, `compare.category.${doc.category}`) : null,
    period: translate(lang, "compare.period.value", { years: resolved.years, start: String(start), end: String(start + resolved.years) }),
    discountRate: discountText(resolved, lang),
    discountR109: usesR109(resolved),
    factorSet: { id: set.id, name: set.manifest.names[lang], hash: set.hash, released: set.manifest.released, gwp: set.manifest.gwp },
    electricity: {
      id: context.electricity.factor,
      name: electricityRecord?.names[lang] ?? context.electricity.factor,
      basis: context.electricity.basis,
      basisLabel: translate(lang, `compare.electricity.${context.electricity.basis}`),
      value: context.electricity.kgPerUnit.toNumber(),
      unit: context.electricity.unit,
    },
    // the price year of the amounts changes a figure only through spend items (a rebased carbon path states its own kroner)
    priceYear: hasSpendItems(resolved) ? context.priceYear : null,
    carbonPrice: resolved.carbonPrice
      ? {
          bundled: context.carbonPath !== null,
          path: carbonPathText(context.carbonPath, lang),
          points: [...resolved.carbonPrice].sort(([a], [b]) => a - b).map(([year, price]) => ({ year, price: price.toNumber() })),
        }
      : null,
    method: translate(lang, `compare.method.${resolved.ranking}`),
    baseline: { id: resolved.baseline, name: baseline?.name ?? resolved.baseline },
  };
}
