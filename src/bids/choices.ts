/**
 * The template's drop-down lists, made from the case's factor set: each
 * choice a label a supplier reads ("Stål, konstruksjonsstål [t]") and what
 * it stands for (a factor id, a unit, a stage). The import reads a label
 * in either language back to the same value, and also takes the value
 * itself (a factor id typed in), so a form filled in another language or
 * by a program reads the same.
 *
 * Example: choicesOf(set, "nb").lists.carriers[0] →
 *   { label: "Strøm (oppdragsgivers strømfaktor) [kWh]", value: "electricity", unit: "kWh" }
 */
import { STAGES, WASTE_LEVELS } from "../core/types.js";
import type { Lang } from "../case/messages.js";
import type { FactorSet } from "../factors/factor-set.js";
import { CHOSEN_ELECTRICITY } from "../factors/resolve-factor.js";
import type { FactorRecord } from "../factors/schema.js";
import { WASTE_LEVEL_NAMES } from "../i18n/domain-terms.js";
import { text } from "../i18n/catalogue.js";
import type { ListName } from "./layout.js";

export type Choice = { label: string; value: string; /** A factor's denominator unit: what a number typed beside it is in. */ unit?: string };
export type Choices = Record<ListName, Choice[]>;

/** The unit a factor's quantity is given in: the part after the last "/" ("kgCO2e/t" → "t", "l/h" → "h"). */
export const denominatorOf = (record: FactorRecord): string => record.unit.slice(record.unit.lastIndexOf("/") + 1);

const recordsIn = (set: FactorSet, group: FactorRecord["group"]) => [...set.records.values()].filter((r) => r.group === group);
const factorChoice = (record: FactorRecord, lang: Lang, withUnit: boolean): Choice => {
  const unit = denominatorOf(record);
  return { label: withUnit ? `${record.names[lang]} [${unit}]` : record.names[lang], value: record.id, unit };
};

/**
 * The order of a factor drop-down a supplier picks from: Norwegian records
 * first, then the rest, each part by name in the template's language. Why:
 * the buyer is Norwegian and so, mostly, is what is delivered, so the
 * records a supplier should usually pick (Miljødirektoratet's road diesel by
 * year, say) must not sit below thirty UK ones where a hurried reader picks
 * the first diesel they see. A record is Norwegian when its id says so, the
 * set's naming for it: a part "no" (fuel.no.lpg.l) or a part ending "-no"
 * (fuel.diesel.road-no).
 */
const isNorwegian = (record: FactorRecord): boolean => record.id.split(".").some((part) => part === "no" || part.endsWith("-no"));
const byName = (lang: Lang) => (a: FactorRecord, b: FactorRecord) => a.names[lang].localeCompare(b.names[lang], lang === "nb" ? "nb-NO" : "en-GB");
export const norwegianFirst = (records: readonly FactorRecord[], lang: Lang): FactorRecord[] => [
  ...records.filter(isNorwegian).sort(byName(lang)),
  ...records.filter((r) => !isNorwegian(r)).sort(byName(lang)),
];

/** The EPD's declared units: spellings the case format reads as they are. */
const EPD_UNITS = ["kg", "t", "m", "m2", "m3", "kWh"] as const;

export function choicesOf(set: FactorSet, lang: Lang): Choices {
  const fuels = recordsIn(set, "fuel");
  return {
    materials: recordsIn(set, "material").map((r) => factorChoice(r, lang, false)),
    // The buyer's electricity first: the one electricity a bid may use.
    carriers: [{ label: `${text(lang, "bid.choice.electricity")} [kWh]`, value: CHOSEN_ELECTRICITY, unit: "kWh" }, ...norwegianFirst(fuels, lang).map((r) => factorChoice(r, lang, true))],
    vehicles: norwegianFirst(recordsIn(set, "vehicle"), lang).map((r) => factorChoice(r, lang, true)),
    machinery: norwegianFirst([...recordsIn(set, "machinery"), ...fuels.filter((r) => denominatorOf(r) === "l")], lang).map((r) => factorChoice(r, lang, true)),
    wasteRoutes: recordsIn(set, "waste").map((r) => factorChoice(r, lang, false)),
    epdUnits: [...EPD_UNITS.map((u) => ({ label: u, value: u })), { label: text(lang, "bid.choice.unit"), value: "unit" }],
    stages: STAGES.map((s) => ({ label: s, value: s })),
    wasteLevels: WASTE_LEVELS.map((level) => ({ label: WASTE_LEVEL_NAMES[lang][level], value: level })),
    upkeepKinds: [
      { label: text(lang, "bid.choice.maintenance"), value: "maintenance" },
      { label: text(lang, "bid.choice.replacement"), value: "replacement" },
    ],
  };
}

/** A list's choices by what may be typed for them: the label in either language, or the value. */
export type ChoiceIndex = Record<ListName, ReadonlyMap<string, Choice>>;

export function choiceIndex(set: FactorSet): ChoiceIndex {
  const nb = choicesOf(set, "nb");
  const en = choicesOf(set, "en");
  const index = {} as Record<ListName, Map<string, Choice>>;
  for (const name of Object.keys(nb) as ListName[]) {
    const map = new Map<string, Choice>();
    for (const choice of [...nb[name], ...en[name]]) {
      map.set(choice.label.trim().toLowerCase(), choice);
      map.set(choice.value.toLowerCase(), choice);
    }
    index[name] = map;
  }
  return index;
}
