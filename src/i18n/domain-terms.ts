/** The domain's own words in both languages: the waste-pyramid levels (avfallshierarkiet). */
import type { Lang } from "../case/messages.js";
import type { WasteLevel } from "../core/types.js";

export const WASTE_LEVEL_NAMES: Record<Lang, Record<WasteLevel, string>> = {
  nb: { prevent: "forebygging", reuse: "ombruk", recycle: "materialgjenvinning", recover: "annen gjenvinning", dispose: "deponering" },
  en: { prevent: "prevent", reuse: "reuse", recycle: "recycle", recover: "recover", dispose: "dispose" },
};

export function wasteLevelName(level: WasteLevel | null, lang: Lang): string {
  return level === null ? "–" : WASTE_LEVEL_NAMES[lang][level];
}
