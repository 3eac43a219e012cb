/**
 * The bidder template's words (sheet names, headings, instructions) and
 * the problems of an imported bid, in bokmål and English, as an area of
 * the one text catalogue under `bid.` (src/i18n/catalogue.ts).
 * A sheet's name is the template language's; every heading shows both.
 */
import type { Bilingual } from "../case/messages.js";

export const BID_TEXT = {
  // Sheet names (at most 31 characters, none of : \ / ? * [ ]).
  "sheet.instructions": { nb: "Veiledning", en: "Instructions" },
  "sheet.parameters": { nb: "Oppdragsgivers forutsetninger", en: "Buyer parameters" },
  "sheet.bid": { nb: "Tilbud", en: "Bid" },
  "sheet.price": { nb: "Pris", en: "Price" },
  "sheet.materials": { nb: "Materialer", en: "Materials" },
  "sheet.epd": { nb: "EPD", en: "EPD" },
  "sheet.energy": { nb: "Energi", en: "Energy" },
  "sheet.delivery": { nb: "Levering", en: "Delivery" },
  "sheet.machinery": { nb: "Anleggsmaskiner", en: "Site machinery" },
  "sheet.upkeep": { nb: "Vedlikehold og utskifting", en: "Maintenance and replacement" },
  "sheet.endOfLife": { nb: "Sluttbehandling", en: "End of life" },
  "sheet.lists": { nb: "Lister", en: "Lists" },
  "sheet.metadata": { nb: "Metadata", en: "Metadata" },

  // What each input sheet asks for (its title row).
  "title.bid": { nb: "Tilbyder og tilbud", en: "Supplier and bid" },
  "title.price": { nb: "Priser i NOK uten mva.", en: "Prices in NOK excluding VAT" },
  "title.materials": { nb: "Masse per materiale i det som leveres", en: "Mass by material in what is delivered" },
  "title.epd": { nb: "Produktspesifikke verdier fra EPD", en: "Product-specific values from EPDs" },
  "title.energy": { nb: "Energibruk per år i bruksfasen", en: "Energy use per year in use" },
  "title.delivery": { nb: "Leveranseplan: transport til oppdragsgiver", en: "Delivery plan: transport to the buyer" },
  "title.machinery": { nb: "Maskinbruk på byggeplass eller leveringssted", en: "Machinery used on the site" },
  "title.upkeep": { nb: "Vedlikehold og utskifting i analyseperioden", en: "Maintenance and replacement over the analysis period" },
  "title.endOfLife": { nb: "Tilbaketaking og sluttbehandling", en: "Take-back and end-of-life routes" },
  "hint.table": {
    nb: "Fyll ut de gule cellene, én rad per linje; tomme rader hoppes over. Velg fra listene der cellen har en nedtrekksliste.",
    en: "Fill in the yellow cells, one row per line; empty rows are skipped. Choose from the lists where a cell has a drop-down.",
  },

  // Fields: the heading (column or row label) and the noun a problem uses.
  "field.bid.id": { nb: "Tilbudets kortnavn (id)", en: "Bid short name (id)" },
  "noun.bid.id": { nb: "tilbudets kortnavn", en: "the bid's short name" },
  "field.bid.name": { nb: "Leverandør og tilbud", en: "Supplier and bid name" },
  "noun.bid.name": { nb: "leverandør og tilbud", en: "the supplier and bid name" },
  "field.bid.wasteLevel": { nb: "Nivå i avfallspyramiden (valgfritt)", en: "Waste-pyramid level (optional)" },
  "noun.bid.wasteLevel": { nb: "nivået i avfallspyramiden", en: "the waste-pyramid level" },
  "field.price.acquisition": { nb: "Anskaffelse (år 0)", en: "Acquisition (year 0)" },
  "noun.price.acquisition": { nb: "anskaffelseskostnaden", en: "the acquisition cost" },
  "field.price.installation": { nb: "Installasjon (år 0)", en: "Installation (year 0)" },
  "noun.price.installation": { nb: "installasjonskostnaden", en: "the installation cost" },
  "field.price.operation": { nb: "Drift per år", en: "Operation per year" },
  "noun.price.operation": { nb: "driftskostnaden per år", en: "the operating cost per year" },
  "field.price.maintenance": { nb: "Vedlikehold per år", en: "Maintenance per year" },
  "noun.price.maintenance": { nb: "vedlikeholdskostnaden per år", en: "the maintenance cost per year" },
  "field.description": { nb: "Beskrivelse", en: "Description" },
  "noun.description": { nb: "beskrivelsen", en: "the description" },
  "field.material": { nb: "Materiale", en: "Material" },
  "noun.material": { nb: "materialet", en: "the material" },
  "field.massKg": { nb: "Masse (kg)", en: "Mass (kg)" },
  "noun.massKg": { nb: "massen", en: "the mass" },
  "field.epd.product": { nb: "Produkt", en: "Product" },
  "noun.epd.product": { nb: "produktet", en: "the product" },
  "field.epd.quantity": { nb: "Mengde (i deklarert enhet)", en: "Quantity (in the declared unit)" },
  "noun.epd.quantity": { nb: "mengden", en: "the quantity" },
  "field.epd.unit": { nb: "Deklarert enhet", en: "Declared unit" },
  "noun.epd.unit": { nb: "den deklarerte enheten", en: "the declared unit" },
  "field.epd.value": { nb: "kg CO2e per deklarert enhet", en: "kg CO2e per declared unit" },
  "noun.epd.value": { nb: "verdien i kg CO2e per deklarert enhet", en: "the value in kg CO2e per declared unit" },
  "field.epd.stage": { nb: "Livsløpsfase", en: "Lifecycle stage" },
  "noun.epd.stage": { nb: "livsløpsfasen", en: "the lifecycle stage" },
  "field.epd.registration": { nb: "Registreringsnummer", en: "Registration number" },
  "noun.epd.registration": { nb: "registreringsnummeret", en: "the registration number" },
  "field.epd.verifier": { nb: "Tredjepartsverifikator", en: "Third-party verifier" },
  "noun.epd.verifier": { nb: "verifikatoren", en: "the verifier" },
  "field.epd.programme": { nb: "Programoperatør", en: "Programme operator" },
  "noun.epd.programme": { nb: "programoperatøren", en: "the programme operator" },
  "field.energy.carrier": { nb: "Energibærer", en: "Energy carrier" },
  "noun.energy.carrier": { nb: "energibæreren", en: "the energy carrier" },
  "field.energy.perYear": { nb: "Mengde per år (enheten står i valget)", en: "Amount per year (the unit is in the choice)" },
  "noun.energy.perYear": { nb: "mengden per år", en: "the amount per year" },
  "field.delivery.vehicle": { nb: "Kjøretøy", en: "Vehicle" },
  "noun.delivery.vehicle": { nb: "kjøretøyet", en: "the vehicle" },
  "field.delivery.trips": { nb: "Antall turer", en: "Trips" },
  "noun.delivery.trips": { nb: "antall turer", en: "the number of trips" },
  "field.delivery.km": { nb: "Distanse per tur (km)", en: "Distance per trip (km)" },
  "noun.delivery.km": { nb: "distansen per tur", en: "the distance per trip" },
  "field.machinery.machine": { nb: "Maskin eller drivstoff", en: "Machine or fuel" },
  "noun.machinery.machine": { nb: "maskinen eller drivstoffet", en: "the machine or fuel" },
  "field.machinery.amount": { nb: "Timer eller liter (enheten står i valget)", en: "Hours or litres (the unit is in the choice)" },
  "noun.machinery.amount": { nb: "timer eller liter", en: "the hours or litres" },
  "field.upkeep.kind": { nb: "Vedlikehold eller utskifting", en: "Maintenance or replacement" },
  "noun.upkeep.kind": { nb: "typen", en: "the kind" },
  "field.upkeep.cost": { nb: "Kostnad hver gang (NOK)", en: "Cost each time (NOK)" },
  "noun.upkeep.cost": { nb: "kostnaden", en: "the cost" },
  "field.upkeep.years": { nb: "Levetid eller intervall (år)", en: "Service life or interval (years)" },
  "noun.upkeep.years": { nb: "levetiden eller intervallet", en: "the service life or interval" },
  "field.endOfLife.route": { nb: "Avfallsløsning", en: "Waste route" },
  "noun.endOfLife.route": { nb: "avfallsløsningen", en: "the waste route" },

  // Choices that are not factors.
  "choice.maintenance": { nb: "Vedlikehold", en: "Maintenance" },
  "choice.replacement": { nb: "Utskifting", en: "Replacement" },
  "choice.unit": { nb: "stk", en: "unit" },
  "validate.list": { nb: "{field}: velg fra listen", en: "{field}: choose from the list" },
  "choice.electricity": { nb: "Strøm (oppdragsgivers strømfaktor)", en: "Electricity (the buyer's electricity factor)" },

  // The buyer's parameters sheet.
  "param.heading": { nb: "Oppdragsgivers forutsetninger (låst)", en: "The buyer's parameters (locked)" },
  "param.case": { nb: "Sak", en: "Case" },
  "param.functionalUnit": { nb: "Funksjonell enhet", en: "Functional unit" },
  "param.years": { nb: "Analyseperiode (år)", en: "Analysis period (years)" },
  "param.startYear": { nb: "Startår (år 0)", en: "Start year (year 0)" },
  "param.discountRate": { nb: "Kalkulasjonsrente (reell)", en: "Discount rate (real)" },
  "param.discount.r109": { nb: "R-109: 4 % år 0–40, 3 % år 40–75, 2 % deretter", en: "R-109: 4 % years 0–40, 3 % years 40–75, 2 % after" },
  "param.carbonPrice": { nb: "Karbonpris", en: "Carbon price" },
  "param.carbonPrice.path": { nb: "faktorsettets bane «{id}»", en: "the factor set's path \"{id}\"" },
  "param.carbonPrice.table": { nb: "oppdragsgivers tabell: {years}", en: "the buyer's table: {years}" },
  "param.electricity": { nb: "Strømfaktor", en: "Electricity factor" },
  "param.electricitySource": { nb: "Kilde for strømfaktoren", en: "Source of the electricity factor" },
  "param.factorSet": { nb: "Faktorsett", en: "Factor set" },
  "param.factorSetHash": { nb: "Faktorsettets kontrollsum", en: "Factor set checksum" },
  "param.fixed": { nb: "Poster oppdragsgiver fastsetter (legges til hvert tilbud)", en: "Items the buyer fixes (added to every bid)" },
  "param.fixed.none": { nb: "ingen", en: "none" },
  "param.fixed.cost": { nb: "Kostnad: {kind}", en: "Cost: {kind}" },
  "param.fixed.emission": { nb: "Utslipp: {kind}", en: "Emission: {kind}" },

  // Instructions: one paragraph per line, bokmål and English side by side.
  "help.1": {
    nb: "Denne arbeidsboken er et tilbudsskjema for klimagassutslipp og livssykluskostnader. Fyll ut de gule cellene og send filen tilbake som .xlsx.",
    en: "This workbook is a bid form for greenhouse-gas emissions and lifecycle costs. Fill in the yellow cells and send the file back as .xlsx.",
  },
  "help.2": {
    nb: "Arket «{parameters}» viser oppdragsgivers forutsetninger: analyseperiode, rente, strømfaktor, faktorsett og poster som legges til alle tilbud. Det er låst.",
    en: "The sheet \"{parameters}\" shows the buyer's parameters: analysis period, discount rate, electricity factor, factor set and the items added to every bid. It is locked.",
  },
  "help.3": {
    nb: "Arket «{bid}»: tilbudets kortnavn (bokstaver, tall, bindestrek) og leverandørens navn. Arket «{price}»: priser i NOK uten mva.",
    en: "The sheet \"{bid}\": the bid's short name (letters, digits, hyphens) and the supplier's name. The sheet \"{price}\": prices in NOK excluding VAT.",
  },
  "help.4": {
    nb: "Masse, energi, transport, maskiner og avfall velges fra nedtrekkslistene, som kommer fra faktorsettet. Tall skrives uten enhet; enheten står i overskriften eller i valget.",
    en: "Materials, energy, transport, machinery and waste are chosen from the drop-down lists, which come from the factor set. Numbers are written without a unit; the unit is in the heading or in the choice.",
  },
  "help.5": {
    nb: "Har produktet en EPD, før den på arket «{epd}» med registreringsnummer; oppgi verifikator når EPD-en er tredjepartsverifisert. Samme masse skal ikke også stå på arket «{materials}».",
    en: "If the product has an EPD, enter it on the sheet \"{epd}\" with its registration number; give the verifier when the EPD is third-party verified. Do not enter the same mass on the sheet \"{materials}\" as well.",
  },
  "help.6": {
    nb: "Vedlikehold skjer hvert n-te år fra år n. Utskifting skjer første gang når levetiden er ute, og deretter for hver levetid; ubrukt levetid ved periodens slutt regnes som restverdi.",
    en: "Maintenance happens every n years from year n. A replacement happens first when the service life is up, then once per service life; unused life at the end of the period counts as residual value.",
  },
  "help.7": {
    nb: "Filen kan ikke inneholde makroer, eksterne koblinger eller formler i de gule cellene; da avvises den. Alle feil meldes med ark og celle.",
    en: "The file may not contain macros, external links or formulas in the yellow cells; such a file is refused. Every problem is reported with its sheet and cell.",
  },
} satisfies Record<string, Bilingual>;

export type BidTextCode = keyof typeof BID_TEXT;
