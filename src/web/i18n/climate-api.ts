/**
 * The climate API's own refusals (/api/v1/climate/…, routes/api-climate.ts),
 * in bokmål and English: what is missing, what to send instead. The
 * problems inside a plan, a decision, a ledger or mapping rules are worded
 * by the problem catalogue and the ledger's text (ledger-text.ts).
 */
import type { AreaText } from "./catalog.js";

export const climateApiText = {
  nb: {
    "climateApi.noPlan": "Organisasjonen har ingen klimaplan ennå. PUT /api/v1/climate/plan lagrer den første.",
    "climateApi.noLedger": "Det er ikke importert noe regnskap ennå, så det er ingen screening. POST /api/v1/climate/ledgers importerer et.",
    "climateApi.planConflict": "Noen lagret klimaplanen etter versjonen i If-Match, og det du sendte, er ikke lagret. Hent planen på nytt og prøv igjen.",
    "climateApi.mappingConflict": "Noen lagret kontokoblingen etter versjonen i If-Match, og det du sendte, er ikke lagret. Hent den på nytt og prøv igjen.",
    "climateApi.ledgerMediaType": "Send regnskapet som text/csv (med hvilket som helst tegnsett) eller som Excel-arbeidsbok (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).",
    "climateApi.ledgerTooLarge": "Regnskapet er større enn {limit} MB, det meste én opplasting kan sende. Ingenting er importert.",
  },
  en: {
    "climateApi.noPlan": "The organisation has no climate plan yet. PUT /api/v1/climate/plan saves the first.",
    "climateApi.noLedger": "No ledger has been imported yet, so there is no screening. POST /api/v1/climate/ledgers imports one.",
    "climateApi.planConflict": "Someone saved the climate plan after the version in If-Match, and what you sent is not saved. Fetch the plan again and retry.",
    "climateApi.mappingConflict": "Someone saved the mapping rules after the version in If-Match, and what you sent is not saved. Fetch them again and retry.",
    "climateApi.ledgerMediaType": "Send the ledger as text/csv (in any character set) or as an Excel workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet).",
    "climateApi.ledgerTooLarge": "The ledger is larger than {limit} MB, the most one upload may send. Nothing was imported.",
  },
} as const satisfies AreaText;
