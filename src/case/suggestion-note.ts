/**
 * The reason given with a suggested waste-pyramid level: "most of this
 * alternative's own waste mass (80 %) goes to material recycling".
 */
import type { WasteLevel, WasteLevelSuggestion } from "../core/types.js";
import type { Lang } from "./messages.js";

const ROUTE: Record<WasteLevel, { nb: string; en: string }> = {
  prevent: { nb: "forebygging", en: "prevention" },
  reuse: { nb: "ombruk", en: "re-use" },
  recycle: { nb: "materialgjenvinning", en: "material recycling" },
  recover: { nb: "annen gjenvinning (energi)", en: "other recovery (energy)" },
  dispose: { nb: "deponi", en: "disposal" },
};

const percent = { nb: new Intl.NumberFormat("nb-NO", { style: "percent" }), en: new Intl.NumberFormat("en-GB", { style: "percent" }) };

export function suggestionMessage(s: WasteLevelSuggestion, lang: Lang): string {
  const share = percent[lang].format(s.share.toNumber());
  const route = ROUTE[s.level][lang];
  return lang === "nb"
    ? `mesteparten av alternativets eget avfall etter vekt (${share}) går til ${route}`
    : `most of this alternative's own waste mass (${share}) goes to ${route}`;
}
