/**
 * The domain's own words in both languages: the names of the five levels
 * of the waste pyramid (avfallshierarkiet, Waste Framework Directive
 * 2008/98/EC art. 4). Every surface names a level with these words (the
 * editor, the comparison page and the report, the exports, the factor
 * library and the command line), as docs/case-format.md lists them.
 */
import type { Lang } from "../case/messages.js";
import type { WasteLevel } from "../core/types.js";

export const WASTE_LEVEL_NAMES: Record<Lang, Record<WasteLevel, string>> = {
  nb: { prevent: "Forebygging", reuse: "Ombruk", recycle: "Materialgjenvinning", recover: "Annen gjenvinning (energi)", dispose: "Sluttbehandling (deponi)" },
  en: { prevent: "Prevention", reuse: "Reuse", recycle: "Material recycling", recover: "Other recovery (energy)", dispose: "Disposal (landfill)" },
};

/** "Materialgjenvinning" for `recycle` in bokmål; "–" for no level. */
export function wasteLevelName(level: WasteLevel | null, lang: Lang): string {
  return level === null ? "–" : WASTE_LEVEL_NAMES[lang][level];
}
