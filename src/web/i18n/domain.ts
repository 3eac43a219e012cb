import { WASTE_LEVEL_NAMES } from "../../i18n/domain-terms.js";
import type { WasteLevel } from "../../core/types.js";
import type { AreaText } from "./catalog.js";

type LevelKeys = Record<`wasteLevel.${WasteLevel}`, string>;

/** The waste-pyramid levels (wasteLevel.*): the same names the command line and docs/case-format.md use. */
const levelKeys = (names: Record<WasteLevel, string>): LevelKeys => Object.fromEntries(Object.entries(names).map(([level, name]) => [`wasteLevel.${level}`, name])) as LevelKeys;

export const domainText = { nb: levelKeys(WASTE_LEVEL_NAMES.nb), en: levelKeys(WASTE_LEVEL_NAMES.en) } satisfies AreaText;
