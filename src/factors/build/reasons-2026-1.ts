/** Why each record of 2026-1 differs from 2025-2, one line in bokmål and English. */
import type { SetChanges } from "../schema.js";
import type { ReasonOf } from "./changes.js";

const REASONS: Record<string, { nb: string; en: string }> = {
  "electricity.no.delivered": {
    nb: "Ny: NVEs klimadeklarasjon for fysisk levert strøm per år, 2019–2023; hvert år i en kalkyle bruker sitt kalenderårs verdi.",
    en: "New: NVE's climate declaration for physically delivered electricity by year, 2019–2023; each year of a case uses its calendar year's value.",
  },
  "fuel.diesel.road-no": {
    nb: "Ny: diesel til veitrafikk der den fossile andelen følger omsetningskravet for biodrivstoff per år (2023 og 2024); Kalkyles egen utledning, med forbehold i merknaden.",
    en: "New: road diesel whose fossil share follows the biofuel blend mandate by year (2023 and 2024); Kalkyle's own derivation, with caveats in its note.",
  },
};

export const reasonFor20261: ReasonOf = (before, after) => (before === undefined && after !== undefined ? REASONS[after.id] : undefined);

export const OTHER_CHANGES_2026_1: SetChanges["other"] = [
  {
    item: "defaults.electricity",
    reason: {
      nb: "Uendret, NVEs tall for fysisk levert strøm 2023, så kalkyler som ikke velger strøm etter år, beholder sine tall.",
      en: "Unchanged, NVE's figure for physically delivered electricity in 2023, so cases that do not choose electricity by year keep their figures.",
    },
  },
];
