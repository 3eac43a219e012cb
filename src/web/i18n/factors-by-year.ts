/** The factor library's words for a factor given per calendar year (factors.byYear*), on the /factors page. */
import type { AreaText } from "./catalog.js";

export const factorsByYearText = {
  nb: {
    "factors.byYear.label": "Etter år",
    "factors.byYear.value": "{year}: {value}",
    "factors.byYear.rule": "Verdien er den for {last}. Et år i en kalkyle bruker verdien for sitt kalenderår, lineært mellom to oppgitte år; år før {first} bruker verdien for {first}, år etter {last} verdien for {last}.",
    "factors.byYear.varies": "varierer med året ({first}: {firstValue} … {last}: {lastValue} {unit})",
  },
  en: {
    "factors.byYear.label": "By year",
    "factors.byYear.value": "{year}: {value}",
    "factors.byYear.rule": "The value is the one for {last}. A year of a case uses the value for its calendar year, linear between two given years; years before {first} use the value for {first}, years after {last} the value for {last}.",
    "factors.byYear.varies": "varies by year ({first}: {firstValue} … {last}: {lastValue} {unit})",
  },
} satisfies AreaText;
