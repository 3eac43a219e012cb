import { WASTE_LEVEL_NAMES } from "../../i18n/domain-terms.js";
import type { AreaText, Catalog } from "./catalog.js";

/** The waste-pyramid levels (wasteLevel.*): the same names the command line and docs/case-format.md use. */
const levelKeys = (names: Record<string, string>): Catalog => Object.fromEntries(Object.entries(names).map(([level, name]) => [`wasteLevel.${level}`, name]));

export const domainText: AreaText = { nb: levelKeys(WASTE_LEVEL_NAMES.nb), en: levelKeys(WASTE_LEVEL_NAMES.en) };
