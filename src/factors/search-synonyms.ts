/**
 * The factor search's vocabulary: the words a buyer types (bokmål first,
 * English second) and the factor records they mean. The bundled sets name
 * their records in the publishers' terms ("Spend: Furniture; other
 * manufactured goods", "Electrical items – IT", "HGV"), so "kontorstol",
 * "PC" or "kjøretøy" match nothing in a record's own text; each concept
 * below gives such a record the words that find it.
 *
 * A record takes a concept's words when its group is one of the concept's
 * groups or its id matches the concept's id pattern (ids are the sets' own,
 * e.g. `spend.p36-furniture`, `material.electrical.it.primary`,
 * `vehicle.hgv.all`). Words are written as people write them; the search
 * folds case and accents (ø → o, æ → ae, å → a) on both sides.
 *
 * Example: `synonymsOf({ id: "spend.p36-furniture", group: "spend" })`
 * holds "kontorstol", "møbler", "chair" … and "innkjøp", "spend" ….
 */
import type { FactorGroup } from "./schema.js";

type Concept = { words: readonly string[]; groups?: readonly FactorGroup[]; ids?: RegExp };

/** Every group's name in both languages and the everyday words for it. */
export const GROUP_WORDS: Record<FactorGroup, readonly string[]> = {
  fuel: ["drivstoff", "brensel", "brennstoff", "fuels", "fuel"],
  electricity: ["strøm", "elektrisitet", "kraft", "elkraft", "electricity", "power"],
  vehicle: ["kjøretøy", "kjøretøyer", "vehicles", "vehicle"],
  freight: ["frakt", "godstransport", "freight", "haulage"],
  machinery: ["maskiner", "maskin", "anleggsmaskiner", "machinery", "machines"],
  material: ["materialer", "materiale", "råvarer", "materials", "material"],
  waste: ["avfall", "waste"],
  spend: ["utgiftsbasert", "innkjøp", "utgifter", "kroner", "spend-based", "spend", "spending", "purchases"],
};

/** Concepts, one a line of words with the records they point to. */
export const CONCEPTS: readonly Concept[] = [
  // Furniture (EXIOBASE p36) — office chairs, desks and the rest of the inventory.
  { words: ["kontorstol", "kontorstoler", "stol", "stoler", "møbel", "møbler", "møblement", "inventar", "pult", "skrivebord", "bord", "sofa", "hylle", "reol", "skap", "furniture", "office chair", "chair", "chairs", "desk", "table", "shelf", "cabinet"], ids: /furniture/ },
  // Electronics: DEFRA's electrical items (IT, small, large, fridges), their waste (WEEE), EXIOBASE computers and telecom equipment.
  { words: ["elektronikk", "elektriske produkter", "ee-avfall", "hvitevarer", "kjøleskap", "electronics", "electrical items", "appliances", "fridge"], ids: /electrical|weee|radio-tv|office-machinery/ },
  { words: ["pc", "pcer", "laptop", "bærbar", "bærbare", "datamaskin", "datamaskiner", "skjerm", "skjermer", "mobil", "mobiltelefon", "telefon", "smarttelefon", "nettbrett", "skriver", "kopimaskin", "it-utstyr", "computer", "computers", "monitor", "screen", "phone", "smartphone", "tablet", "printer", "it equipment"], ids: /electrical\.it|weee\.(small|mixed)|office-machinery|radio-tv/ },
  // Vehicles in general, and the purchase, repair and hire of them.
  { words: ["kjøretøy", "kjøretøyer", "bil", "biler", "personbil", "bilpark", "flåte", "elbil", "buss", "busser", "drosje", "taxi", "vehicle", "vehicles", "car", "cars", "fleet", "bus", "coach"], groups: ["vehicle"], ids: /motor-vehicles|vehicle-sale|other-land-transport/ },
  { words: ["varebil", "varebiler", "elvarebil", "budbil", "firmabil", "van", "vans", "delivery van"], ids: /(^|[.-])van([.-]|$)/ },
  { words: ["lastebil", "lastebiler", "vogntog", "semitrailer", "kjølebil", "tungbil", "truck", "trucks", "lorry", "lorries", "hgv"], ids: /hgv/ },
  // Transport of goods and people.
  { words: ["transport", "frakt", "godstransport", "levering", "logistikk", "sjøtransport", "skip", "båt", "ferje", "flyfrakt", "tog", "jernbane", "shipping", "delivery", "logistics", "ship", "rail", "train"], groups: ["freight"], ids: /transport/ },
  { words: ["reise", "reiser", "tjenestereise", "flyreise", "fly", "hotell", "overnatting", "travel", "flight", "flights", "hotel"], ids: /air-transport|travel|hotels|freight\.air/ },
  // Energy.
  { words: ["strøm", "strømforbruk", "elektrisitet", "kraft", "elkraft", "nettstrøm", "el", "electricity", "power", "grid"], groups: ["electricity"], ids: /electricity/ },
  { words: ["fjernvarme", "oppvarming", "varme", "varmtvann", "damp", "district heating", "heating", "heat", "steam"], ids: /steam-hot-water|heating/ },
  { words: ["drivstoff", "brensel", "brennstoff", "fuel", "fuels"], groups: ["fuel"], ids: /gasoline|gas-diesel|biodiesel/ },
  { words: ["bensin", "petrol", "gasoline"], ids: /petrol|gasoline/ },
  { words: ["diesel", "anleggsdiesel", "autodiesel", "dieselolje", "gassolje", "fyringsolje", "gas oil", "heating oil"], ids: /diesel|gas-oil|heating-oil/ },
  { words: ["gass", "naturgass", "biogass", "propan", "gas", "natural gas"], ids: /natural-gas|biogas|propane|lpg|cng|lng/ },
  // Food and drink (EXIOBASE food products, DEFRA food and drink, food waste).
  { words: ["mat", "matvarer", "næringsmidler", "dagligvarer", "drikke", "drikkevarer", "kantine", "måltid", "måltider", "kjøtt", "fisk", "meieri", "melk", "frukt", "grønnsaker", "food", "groceries", "drink", "drinks", "beverages", "catering", "meals", "meat", "fish", "dairy", "fruit", "vegetables"], ids: /food|beverages|meat|dairy|fish|vegetables|hotels-restaurants/ },
  // Waste.
  { words: ["avfall", "søppel", "restavfall", "renovasjon", "avfallshåndtering", "waste", "rubbish", "refuse", "garbage"], groups: ["waste"], ids: /waste/ },
  // Building and construction materials.
  { words: ["bygg", "byggevarer", "byggematerialer", "bygging", "byggeri", "anlegg", "rehabilitering", "building", "construction", "building materials"], ids: /aggregates|asphalt|bricks|concrete|construction|insulation|plasterboard|cement|bitumen|stone|sand-clay|non-metallic|iron-steel/ },
  { words: ["betong", "sement", "betongvarer", "ferdigbetong", "concrete", "cement"], ids: /concrete|cement|non-metallic/ },
  { words: ["stål", "jern", "metall", "metaller", "armering", "steel", "iron", "metal", "metals", "rebar"], ids: /steel|iron|(^|[.-])metals?([.-]|$)|aluminium/ },
  { words: ["tre", "treverk", "trevirke", "trevarer", "tømmer", "trelast", "limtre", "wood", "timber", "lumber"], ids: /wood/ },
  { words: ["glass", "vindu", "vinduer", "window", "windows"], ids: /glass/ },
  { words: ["dekk", "bildekk", "tyres", "tires"], ids: /tyre/ },
  { words: ["batteri", "batterier", "battery", "batteries"], ids: /batter/ },
  // Textiles, paper, plastics.
  { words: ["klær", "arbeidstøy", "arbeidsklær", "uniform", "uniformer", "tekstil", "tekstiler", "tøy", "sko", "skotøy", "clothing", "clothes", "textiles", "workwear", "uniforms", "shoes"], ids: /clothing|textile|apparel|leather/ },
  { words: ["papir", "kopipapir", "papp", "kartong", "trykksaker", "trykking", "kontorrekvisita", "paper", "cardboard", "printing", "print", "stationery"], ids: /paper|board|printed|books/ },
  { words: ["plast", "emballasje", "plastemballasje", "gummi", "plastic", "plastics", "packaging", "rubber"], ids: /plastic|rubber/ },
  // Machinery and services.
  { words: ["anleggsmaskin", "anleggsmaskiner", "gravemaskin", "hjullaster", "maskin", "maskiner", "utstyr", "excavator", "digger", "machinery", "machine", "equipment"], groups: ["machinery"], ids: /machinery/ },
  { words: ["it-tjenester", "programvare", "lisens", "lisenser", "skytjenester", "software", "cloud", "it services", "licences"], ids: /computer-services|post-telecom/ },
  { words: ["renhold", "rengjøring", "vaskemidler", "vask", "vakt", "rådgivning", "konsulent", "konsulenter", "cleaning", "consultancy", "consultants", "security"], ids: /other-business-services|chemicals|other-services/ },
  { words: ["vann", "vannforsyning", "avløp", "water", "wastewater", "sewage"], ids: /water/ },
  { words: ["innkjøp", "utgift", "utgifter", "kroner", "kr", "nok", "euro", "spend", "spending", "purchase", "purchases"], groups: ["spend"] },
];

/** The words that name a unit as people write it, by the unit's symbol (folded to lower case). */
export const UNIT_WORDS: Readonly<Record<string, readonly string[]>> = {
  kwh: ["kilowattime", "kilowattimer", "kilowatt-hour"],
  mwh: ["megawattime", "megawattimer", "megawatt-hour"],
  l: ["liter", "litre"],
  t: ["tonn", "tonne", "tonnes"],
  kg: ["kilo", "kilogram"],
  km: ["kilometer", "kilometre"],
  tkm: ["tonnkilometer", "tonne-km", "tonne-kilometre"],
  m3: ["kubikkmeter", "cubic metre"],
  sm3: ["standardkubikkmeter", "standard cubic metre"],
  eur: ["euro"],
  h: ["time", "timer", "hour", "hours"],
};

/** Every concept word that applies to the record, space-separated, for the index's synonyms field. */
export function synonymsOf(record: { id: string; group: FactorGroup }): string {
  const words = CONCEPTS.filter((c) => (c.groups ?? []).includes(record.group) || (c.ids?.test(record.id) ?? false)).flatMap((c) => c.words);
  return [...new Set(words)].join(" ");
}
