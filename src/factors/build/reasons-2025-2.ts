/** Why each record of 2025-2 differs from 2025-1, one line in bokmål and English. */
import type { SetChanges } from "../schema.js";
import type { ReasonOf } from "./changes.js";

export const reasonFor20252: ReasonOf = (before, after) => {
  if (after?.id === "machinery.excavator.diesel.zed-pilot-average") return { nb: "Kjedet til den samme dieselfaktoren timeforbruket ble regnet ut med (2,66 kg CO2/l); før ga den 5,9 % for lite.", en: "Chained to the same diesel factor its hourly use was derived with (2.66 kg CO2/l); before, it gave 5.9 % too little." };
  if (after?.gases === "CO2" && before?.gases !== "CO2" && before?.value === after.value) return { nb: "Verdien gjelder bare CO2; nå merket og navngitt slik.", en: "The value holds CO2 only; now marked and named so." };
  if (after?.source.publisher === "IPCC") return { nb: "Nytt: fossilt CO2 fra forbrenning av plast (IPCC 2006 bd. 5), som DESNZ-faktorene for avfall utelater.", en: "New: fossil CO2 from incinerating plastics (IPCC 2006 vol. 5), which the DESNZ waste factors leave out." };
  if (after?.id === "fuel.lpg") return { nb: "Nytt: LPG, forbrenning, DESNZ 2025.", en: "New: LPG, combustion, DESNZ 2025." };
  if (before?.source.year === 2024 && after?.source.year === 2025 && after.group === "fuel") return { nb: "Forbrenningsfaktor fra DESNZ 2025, samme årgang som brønn-til-tank-faktorene.", en: "Combustion factor from DESNZ 2025, the same set year as the well-to-tank factors." };
  return undefined;
};

export const OTHER_CHANGES_2025_2: SetChanges["other"] = [
  { item: "fuel.hvo100, fuel.biogas.kwh, fuel.biogas.t", reason: { nb: "Samme verdier, nå sitert til DESNZ 2025-raden de står i (Bioenergy).", en: "Same values, now cited to the DESNZ 2025 row they stand in (Bioenergy)." } },
  { item: "sources", reason: { nb: "Kildehenvisningene har ikke lenger merknader til vedlikeholdere.", en: "Citations no longer carry notes for maintainers." } },
  { item: "economics.carbonPricePath", reason: { nb: "Samme ikke-kvotepliktige karbonprisbane som i 2025-1, brukt slik den er publisert; kildehenvisningen er uten interne merknader.", en: "The same non-ETS carbon price path as in 2025-1, used as published; its citation carries no internal notes." } },
  { item: "economics.exchangeRates", reason: { nb: "Kryssberegnede kurser for 2023 og 2024 (ikke Norges Bank) er tatt ut; 2017–2019 står.", en: "Derived 2023 and 2024 cross rates (not Norges Bank figures) removed; 2017–2019 stay." } },
];
