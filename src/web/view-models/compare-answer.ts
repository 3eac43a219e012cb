/**
 * The answer the comparison page opens with, in words: one sentence on
 * which alternative the chosen ranking recommends and why, one on how it
 * stands against the baseline, and the key figures beside them. The
 * figures come from the case's answer (src/case/answer.ts); here they are
 * only formatted (t to two decimals, kroner whole) and put in sentences.
 *
 * Example (nb): "Ombrukte stoler anbefales når alternativene rangeres etter
 * utslipp: det slipper ut 2,90 t CO2e mindre enn det nest beste, Nye
 * stoler." and "Det unngår 2,90 t CO2e (35 %) og sparer 12 000 kr i
 * nåverdi over 10 år, sammenlignet med referansen, Nye stoler."
 */
import type { AgainstBaseline, Answer, Why } from "../../case/answer.js";
import type { Lang } from "../../case/messages.js";
import { rankNoteMessage } from "../../case/rank-note.js";
import type { Decimal } from "../../core/decimal.js";
import type { RankingReason } from "../../core/ranking.js";
import type { RankingMethod } from "../../core/types.js";
import { wasteLevelName } from "../../i18n/domain-terms.js";
import { formatNumber } from "../../i18n/numbers.js";
import { translate } from "../i18n/catalog.js";

export type AnswerFigure = { term: string; value: string };
export type AnswerModel = { sentences: string[]; figures: AnswerFigure[] };
type Names = (id: string) => string;

const LOCALE: Record<Lang, string> = { nb: "nb-NO", en: "en-GB" };
const tonnes = (t: Decimal, lang: Lang) => formatNumber(t.toNumber(), lang, 2);
const kroner = (nok: Decimal, lang: Lang) => formatNumber(nok.toNumber(), lang, 0);
/** A share to one decimal below 10 % (so 0.4 % does not show as 0 %), whole above. */
const percent = (p: Decimal, lang: Lang) => formatNumber(p.toNumber(), lang, p.lt(10) ? 1 : 0);

const METHOD = { "waste-pyramid": "compare.answer.method.waste-pyramid", emissions: "compare.answer.method.emissions", lcc: "compare.answer.method.lcc", "lcc-with-carbon": "compare.answer.method.lcc-with-carbon" } as const satisfies Record<RankingMethod, string>;
const WHY = { dominance: "compare.answer.why.dominance", level: "compare.answer.why.level", emissions: "compare.answer.why.emissions", lcc: "compare.answer.why.lcc", "lcc-with-carbon": "compare.answer.why.lcc-with-carbon", "entry-order": "compare.answer.why.emissions" } as const satisfies Record<RankingReason, string>;
const TIED = { dominance: "compare.answer.tied.lcc", level: "compare.answer.tied.level", emissions: "compare.answer.tied.emissions", lcc: "compare.answer.tied.lcc", "lcc-with-carbon": "compare.answer.tied.lcc-with-carbon", "entry-order": "compare.answer.tied.lcc" } as const satisfies Record<RankingReason, string>;

/** "utslipp og livssykluskostnad": the keys two alternatives tie on, as a list in words. */
function tiedList(tiedOn: readonly RankingReason[], lang: Lang): string {
  return new Intl.ListFormat(LOCALE[lang], { type: "conjunction" }).format(tiedOn.map((r) => translate(lang, TIED[r])));
}

/** Why the first ranks above the next, as the predicate after "it": "emits 2.90 t CO2e less than …". */
function whyText(why: Why, names: Names, lang: Lang): string {
  const level = why.level === null ? "" : wasteLevelName(why.level, lang);
  const text = translate(lang, WHY[why.reason], { runnerUp: names(why.runnerUp), tonnes: tonnes(why.marginTonnes, lang), kroner: kroner(why.marginKroner, lang), level });
  return why.tiedOn.length === 0 ? text : translate(lang, "compare.answer.tiedOn", { why: text, tied: tiedList(why.tiedOn, lang) });
}

/** The headline: who is recommended, under which ranking, and why; a full tie says so. */
function headline(answer: Exclude<Answer, { kind: "single" }>, names: Names, lang: Lang): string {
  const name = names(answer.recommended);
  const method = translate(lang, METHOD[answer.method]);
  const { why } = answer;
  if (why.reason === "entry-order") return translate(lang, "compare.answer.tie", { name, runnerUp: names(why.runnerUp), method, tied: tiedList(why.tiedOn, lang) });
  const key = answer.kind === "baseline" ? "compare.answer.baselineBest" : "compare.answer.recommends";
  return translate(lang, key, { name, method, why: whyText(why, names, lang) });
}

function emissionsClause(row: AgainstBaseline, lang: Lang): string {
  const { direction, percent: share } = row.emissions;
  const params = { tonnes: tonnes(row.emissions.tonnes, lang), percent: share === null ? "" : percent(share, lang) };
  if (direction === "same") return translate(lang, "compare.answer.co2e.same");
  if (direction === "less") return translate(lang, share === null ? "compare.answer.co2e.lessNoShare" : "compare.answer.co2e.less", params);
  return translate(lang, share === null ? "compare.answer.co2e.moreNoShare" : "compare.answer.co2e.more", params);
}

/**
 * The cost against the baseline is the present value without carbon cost;
 * where the ranking prices carbon, the sentence before gave a difference
 * with it, so this one says so (`withCarbon`).
 */
function costClause(row: AgainstBaseline, years: number, lang: Lang, withCarbon: boolean): string {
  const params = { kroner: kroner(row.cost.kroner, lang), years };
  const clause = row.cost.direction === "same" ? translate(lang, "compare.answer.cost.same", params) : translate(lang, row.cost.direction === "less" ? "compare.answer.cost.less" : "compare.answer.cost.more", params);
  return withCarbon ? translate(lang, "compare.answer.cost.withoutCarbon", { clause }) : clause;
}

/** "and" when emissions and cost move the same way, "but" when one is better and the other worse. */
const joiner = (row: AgainstBaseline) => {
  const e = row.emissions.direction;
  const c = row.cost.direction;
  return (e === "less" && c === "more") || (e === "more" && c === "less") ? "compare.answer.but" : "compare.answer.and";
};

/** The sentence against the baseline, and the cost per tonne avoided when the recommended costs more. */
function againstSentences(row: AgainstBaseline, subject: string, compared: string, years: number, lang: Lang, withCarbon: boolean): string[] {
  const sentence = translate(lang, "compare.answer.against", { subject, emissions: emissionsClause(row, lang), joiner: translate(lang, joiner(row)), cost: costClause(row, years, lang, withCarbon), compared });
  const abatement = row.cost.direction === "more" && row.abatementCostPerTonne !== null ? [translate(lang, "compare.answer.abatement", { kroner: kroner(row.abatementCostPerTonne, lang) })] : [];
  return [sentence, ...abatement];
}

function paybackValue(row: AgainstBaseline, lang: Lang): string {
  if (row.payback === "from-start") return translate(lang, "compare.deltas.fromStart");
  if (row.payback === "never" || row.paybackYear === null) return translate(lang, "compare.deltas.never");
  return translate(lang, "compare.deltas.payback", { index: row.paybackYear, year: String(row.paybackCalendarYear) });
}

function co2eValue(row: AgainstBaseline, lang: Lang): string {
  const { direction, percent: share } = row.emissions;
  if (direction === "same") return translate(lang, "compare.answer.figure.same");
  const params = { tonnes: tonnes(row.emissions.tonnes, lang), percent: share === null ? "" : percent(share, lang) };
  if (direction === "less") return translate(lang, share === null ? "compare.answer.figure.co2eLessNoShare" : "compare.answer.figure.co2eLess", params);
  return translate(lang, share === null ? "compare.answer.figure.co2eMoreNoShare" : "compare.answer.figure.co2eMore", params);
}

function costValue(row: AgainstBaseline, lang: Lang): string {
  if (row.cost.direction === "same") return translate(lang, "compare.answer.figure.same");
  return translate(lang, row.cost.direction === "less" ? "compare.answer.figure.costLess" : "compare.answer.figure.costMore", { kroner: kroner(row.cost.kroner, lang) });
}

const TERMS = {
  recommended: { co2e: "compare.answer.term.co2e", cost: "compare.answer.term.cost", costWithoutCarbon: "compare.answer.term.costWithoutCarbon", abatement: "compare.answer.term.abatement", payback: "compare.answer.term.payback" },
  runnerUp: { co2e: "compare.answer.term.runnerUpCo2e", cost: "compare.answer.term.runnerUpCost", costWithoutCarbon: "compare.answer.term.runnerUpCostWithoutCarbon", abatement: "compare.answer.term.runnerUpAbatement", payback: "compare.answer.term.runnerUpPayback" },
} as const;

/** CO2e, cost, cost per tonne avoided (when it costs more) and payback of one alternative against the baseline. */
function againstFigures(row: AgainstBaseline, who: keyof typeof TERMS, lang: Lang, withCarbon: boolean): AnswerFigure[] {
  const terms = TERMS[who];
  const figures = [
    { term: translate(lang, terms.co2e), value: co2eValue(row, lang) },
    { term: translate(lang, withCarbon ? terms.costWithoutCarbon : terms.cost), value: costValue(row, lang) },
  ];
  if (row.cost.direction === "more" && row.abatementCostPerTonne !== null) figures.push({ term: translate(lang, terms.abatement), value: translate(lang, "compare.answer.figure.abatement", { kroner: kroner(row.abatementCostPerTonne, lang) }) });
  figures.push({ term: translate(lang, terms.payback), value: paybackValue(row, lang) });
  return figures;
}

/** "Ombrukte stoler står høyere i avfallspyramiden, men er dominert av Nye stoler: …": the rank notes that explain the order. */
function outrankedSentences(why: Why, names: Names, lang: Lang): string[] {
  return why.outranked.map((o) => translate(lang, "compare.answer.outranked", { other: names(o.id), note: rankNoteMessage(o.note, lang, names(o.note.by)) }));
}

/** An alternative's name in the language's quotation marks, so a sentence shows where a long name ends: «Nye stoler». */
export function quotedNames(names: Names, lang: Lang): Names {
  return (id) => translate(lang, "compare.answer.quoted", { name: names(id) });
}

/** The answer in words and figures; `plain` gives each alternative's name by id (quoted in the sentences, plain in the figures). */
export function answerModel(answer: Answer, plain: Names, years: number, lang: Lang): AnswerModel {
  const names = quotedNames(plain, lang);
  if (answer.kind === "single") {
    const name = names(answer.recommended);
    const params = { name, years, tonnes: tonnes(answer.totalTonnes, lang), kroner: kroner(answer.presentValue, lang) };
    return {
      sentences: [translate(lang, "compare.answer.single", params), translate(lang, "compare.answer.singleFigures", params)],
      figures: [
        { term: translate(lang, "compare.answer.term.only"), value: plain(answer.recommended) },
        { term: translate(lang, "compare.answer.term.total"), value: translate(lang, "compare.answer.figure.tonnes", params) },
        { term: translate(lang, "compare.answer.term.presentValue"), value: translate(lang, "compare.answer.figure.kroner", params) },
      ],
    };
  }
  const first = headline(answer, names, lang);
  const notes = outrankedSentences(answer.why, names, lang);
  const withCarbon = answer.method === "lcc-with-carbon";
  if (answer.kind === "baseline") {
    const subject = translate(lang, "compare.answer.subject.runnerUp", { name: names(answer.runnerUp.id) });
    return {
      sentences: [first, ...notes, ...againstSentences(answer.runnerUp, subject, translate(lang, "compare.answer.compared.baseline"), years, lang, withCarbon)],
      figures: [
        { term: translate(lang, "compare.answer.term.recommended"), value: translate(lang, "compare.answer.figure.baseline", { name: plain(answer.recommended) }) },
        { term: translate(lang, "compare.answer.term.runnerUp"), value: plain(answer.runnerUp.id) },
        ...againstFigures(answer.runnerUp, "runnerUp", lang, withCarbon),
      ],
    };
  }
  return {
    sentences: [first, ...notes, ...againstSentences(answer.against, translate(lang, "compare.answer.subject.recommended"), translate(lang, "compare.answer.compared.alternative", { baseline: names(answer.baseline) }), years, lang, withCarbon)],
    figures: [{ term: translate(lang, "compare.answer.term.recommended"), value: plain(answer.recommended) }, { term: translate(lang, "compare.answer.term.baseline"), value: plain(answer.baseline) }, ...againstFigures(answer.against, "recommended", lang, withCarbon)],
  };
}
