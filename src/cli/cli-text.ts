/**
 * The command line's own words (usage, the table, backups, tokens), as an
 * area of the one text catalogue (src/i18n/catalogue.ts) under `cli.`.
 * The problems and warnings it prints come from their own areas.
 */
import type { Bilingual } from "../case/messages.js";
import { AWARD_TABLE_TEXT } from "./award-table-text.js";

export const CLI_TEXT = {
  usage: {
    nb: `Bruk:
  kalkyle evaluate SAK.json [--format json|table] [--lang nb|en] [--samples N [--seed S] [--cost-range P]]
      --samples: usikkerhet ved Monte Carlo med N trekk (1–100 000); --seed S gjentar en kjøring (uten den trekkes en startverdi, som skrives i resultatet);
      --cost-range: ± prosent for hver kostnadspost (0–100, standard 10)
  kalkyle validate SAK.json [--lang nb|en]
  kalkyle factors [SØKEORD …] [--group GRUPPE] [--unit ENHET] [--source UTGIVER] [--set ID]
  kalkyle backup FIL [--force]   (DATA_DIR/kalkyle.db, også mens serveren kjører)
  kalkyle restore FIL            (serveren må være stoppet)
  kalkyle token create --email E [--organisation ID] [--name NAVN]   (en API-nøkkel, skrives ut én gang)
  kalkyle screen REGNSKAP.csv|.xlsx [--mapping FIL] [--columns FIL] [--format json|table] [--lang nb|en]
      utslipp fra et regnskapsuttrekk: hver linje kartlagt til en utgiftsbasert faktor (standard for KOSTRA-artskontoplanen);
      --mapping: egne regler, en JSON-fil med «rules», en liste av regler (docs/ledger-screening.md);
      --columns: kolonnene, en JSON-fil fra felt (date, year, account, function, supplierName, orgNumber, description, amount) til kolonnens overskrift
  kalkyle template SAK.json -o TILBUD.xlsx [--lang nb|en]
      tilbudsskjema for leverandører (Excel) med oppdragsgivers forutsetninger låst og nedtrekkslister fra faktorsettet
  kalkyle import-bid SAK.json TILBUD.xlsx [-o UT.json] [--replace] [--lang nb|en]
      et utfylt tilbudsskjema lagt til som alternativ; saken skrives til UT.json (ellers standard ut);
      hver feil meldes med ark og celle (status 2); --replace erstatter et alternativ med samme kortnavn`,
    en: `Usage:
  kalkyle evaluate CASE.json [--format json|table] [--lang nb|en] [--samples N [--seed S] [--cost-range P]]
      --samples: uncertainty by Monte Carlo with N draws (1–100,000); --seed repeats a run (without it a seed is drawn and written in the result);
      --cost-range: ± percent of every cost item (0–100, default 10)
  kalkyle validate CASE.json [--lang nb|en]
  kalkyle factors [WORDS …] [--group GROUP] [--unit UNIT] [--source PUBLISHER] [--set ID]
  kalkyle backup FILE [--force]   (DATA_DIR/kalkyle.db, also while the server runs)
  kalkyle restore FILE            (the server must be stopped)
  kalkyle token create --email E [--organisation ID] [--name NAME]   (an API token, printed once)
  kalkyle screen LEDGER.csv|.xlsx [--mapping FILE] [--columns FILE] [--format json|table] [--lang nb|en]
      emissions from an accounting ledger: each line mapped to a spend factor (default: the KOSTRA chart of accounts);
      --mapping: your own rules, a JSON file with "rules", a list of rules (docs/ledger-screening.md);
      --columns: the columns, a JSON file from field (date, year, account, function, supplierName, orgNumber, description, amount) to the column's header
  kalkyle template CASE.json -o BID.xlsx [--lang nb|en]
      a bid form for suppliers (Excel) with the buyer's parameters locked and drop-downs from the factor set
  kalkyle import-bid CASE.json BID.xlsx [-o OUT.json] [--replace] [--lang nb|en]
      a filled bid form added as an alternative; the case is written to OUT.json (else standard output);
      every problem is reported with its sheet and cell (status 2); --replace replaces an alternative of the same short name`,
  },
  "no-such-file": { nb: "{file}: finnes ikke", en: "{file}: no such file" },
  "template.written": { nb: "Tilbudsskjemaet er skrevet til {file}", en: "The bid form was written to {file}" },
  "import-bid.added": { nb: "Tilbud {id} er lagt til; saken er skrevet til {file}", en: "Bid {id} was added; the case was written to {file}" },
  "import-bid.quality-needed": { nb: "Tildelingen regnes ikke ut før tilbud {id} har fått kvalitetspoeng", en: "The award is not computed until bid {id} has quality points" },
  "import-bid.replaced": { nb: "Tilbud {id} erstattet alternativet med samme kortnavn; saken er skrevet til {file}", en: "Bid {id} replaced the alternative of the same short name; the case was written to {file}" },
  "screen.no-supplier": { nb: "(ingen leverandør)", en: "(no supplier)" },
  "screen.no-function": { nb: "(ingen funksjon)", en: "(no function)" },
  "screen.progress": { nb: "{lines} linjer … {percent} %", en: "{lines} lines … {percent} %" },
  "screen.progress-lines": { nb: "{lines} linjer", en: "{lines} lines" },
  "screen.not-a-file": { nb: "{file}: er ikke en fil", en: "{file}: is not a file" },
  "screen.unreadable": { nb: "{file}: kan ikke leses som et regnskapsuttrekk (CSV eller Excel .xlsx)", en: "{file}: cannot be read as a ledger (CSV or Excel .xlsx)" },
  "screen.read-failed": { nb: "{file}: lesingen stoppet: {detail}", en: "{file}: reading stopped: {detail}" },
  "screen.empty": { nb: "{file}: filen er tom", en: "{file}: the file is empty" },
  "screen.no-header": { nb: "{file}: fant ingen overskriftslinje med kolonnenavn", en: "{file}: no header line with column names found" },
  "screen.json": { nb: "{file}: ikke gyldig JSON ({detail})", en: "{file}: not valid JSON ({detail})" },
  "screen.mapping-shape": { nb: "{file}: må være et JSON-objekt med «rules»: en liste av regler", en: "{file}: must be a JSON object with \"rules\": a list of rules" },
  "screen.columns-shape": {
    nb: "{file}: må være et JSON-objekt fra felt ({fields}) til kolonnens overskrift i filen",
    en: "{file}: must be a JSON object from field ({fields}) to the column's header in the file",
  },
  "screen.columns-field": { nb: "{file}: «{field}» er ikke et felt (felt: {fields})", en: "{file}: \"{field}\" is not a field (fields: {fields})" },
  "screen.column.required": { nb: "kolonnen for {field} er ikke oppgitt", en: "the column for {field} is not given" },
  "screen.column.date-or-year": { nb: "en kolonne for dato eller år må oppgis", en: "a column for the date or the year must be given" },
  "screen.column.not-in-file": { nb: "kolonnen «{header}» for {field} finnes ikke i filen", en: "the column \"{header}\" for {field} is not in the file" },
  "screen.column.headers": { nb: "kolonnene i filen: {headers}; oppgi kolonnene med --columns FIL", en: "the file's columns: {headers}; give the columns with --columns FILE" },
  "screen.title": { nb: "Screening av {file} med faktorsett {set}", en: "Screening of {file} with factor set {set}" },
  "screen.lines": {
    nb: "Linjer: {total} lest, {mapped} kartlagt, {outOfScope} utenfor omfang, {unmapped} ikke kartlagt ({creditNotes} kreditnotaer)",
    en: "Lines: {total} read, {mapped} mapped, {outOfScope} out of scope, {unmapped} unmapped ({creditNotes} credit notes)",
  },
  "screen.spend": {
    nb: "Innkjøp: {total} kr i alt, {mapped} kr kartlagt ({share} % av innkjøpene innenfor omfang), {outOfScope} kr utenfor omfang, {unmapped} kr ikke kartlagt",
    en: "Spend: {total} NOK in all, {mapped} NOK mapped ({share} % of the spend in scope), {outOfScope} NOK out of scope, {unmapped} NOK unmapped",
  },
  "screen.tonnes": { nb: "Utslipp: {tonnes} t CO2e", en: "Emissions: {tonnes} t CO2e" },
  "screen.clamped": {
    nb: "Prisindeksen har ikke år {years}; beløpene er regnet om fra nærmeste tidligere år i indeksen (det første hvis ingen er tidligere)",
    en: "The price index has no year {years}; those amounts are converted from the nearest earlier year of the index (the first if none is earlier)",
  },
  "screen.byCategory": { nb: "Etter kategori:", en: "By category:" },
  "screen.hotCategories": { nb: "Største kategorier:", en: "Largest categories:" },
  "screen.hotSuppliers": { nb: "Største leverandører:", en: "Largest suppliers:" },
  "screen.unmapped": { nb: "Ikke kartlagte kontoer:", en: "Unmapped accounts:" },
  "screen.broken": { nb: "Ødelagte linjer: {count}", en: "Broken lines: {count}" },
  "screen.brokenFirst": { nb: "De første {count}:", en: "The first {count}:" },
  "screen.brokenLine": { nb: "  linje {line}: {reason} («{found}»)", en: "  line {line}: {reason} (\"{found}\")" },
  "screen.highRiskNote": { nb: "Høyrisiko: på DFØs høyrisikoliste for brudd på menneskerettigheter i leverandørkjeden", en: "High risk: on DFØ's high-risk list for human rights abuses in supply chains" },
  "screen.head.category": { nb: "Kategori", en: "Category" },
  "screen.head.highRisk": { nb: "Høyrisiko", en: "High risk" },
  "screen.head.supplier": { nb: "Leverandør", en: "Supplier" },
  "screen.head.orgNumber": { nb: "Org.nr.", en: "Org. no." },
  "screen.head.account": { nb: "Konto", en: "Account" },
  "screen.head.nok": { nb: "Kroner", en: "NOK" },
  "screen.head.tonnes": { nb: "t CO2e", en: "t CO2e" },
  "screen.head.lines": { nb: "Linjer", en: "Lines" },
  "factors.count": { nb: "{count, plural, one {# faktor} other {# faktorer}} i faktorsett {set}", en: "{count, plural, one {# factor} other {# factors}} in factor set {set}" },
  "factors.by-year": { nb: "etter år: {values}", en: "by year: {values}" },
  "factors.unknown-set": { nb: "--set: ukjent faktorsett «{set}» (finnes: {options})", en: "--set: unknown factor set \"{set}\" (available: {options})" },
  "uncertainty.samples": { nb: "--samples: må være et heltall fra 1 til 100 000", en: "--samples: must be a whole number from 1 to 100,000" },
  "uncertainty.seed": { nb: "--seed: må være et heltall fra 0 til 4 294 967 295", en: "--seed: must be a whole number from 0 to 4,294,967,295" },
  "uncertainty.cost-range": { nb: "--cost-range: må være en prosent fra 0 til 100, for eksempel 10 eller 7,5", en: "--cost-range: must be a percentage from 0 to 100, for example 10 or 7.5" },
  "uncertainty.needs-samples": { nb: "--seed og --cost-range gjelder bare sammen med --samples", en: "--seed and --cost-range apply only together with --samples" },
  "uncertainty.title": { nb: "Usikkerhet (Monte Carlo): {samples} trekk, startverdi {seed}, kostnadsposter ±{percent} %", en: "Uncertainty (Monte Carlo): {samples} draws, seed {seed}, cost items ±{percent} %" },
  "uncertainty.defaults": { nb: "Utslippsfaktorer uten publisert usikkerhet har en standardverdi etter datatype (pedigree-metoden).", en: "Emission factors without a published uncertainty have a default by kind of data (the pedigree approach)." },
  "uncertainty.head.alternative": { nb: "Alternativ", en: "Alternative" },
  "uncertainty.head.tonnes": { nb: "t CO2e P5–P95", en: "t CO2e P5–P95" },
  "uncertainty.head.p50": { nb: "P50", en: "P50" },
  "uncertainty.head.presentValue": { nb: "Nåverdi kr P5–P95", en: "Present value NOK P5–P95" },
  "uncertainty.head.presentValueWithCarbon": { nb: "Nåverdi med karbon kr P5–P95", en: "PV with carbon NOK P5–P95" },
  "uncertainty.head.beatsKg": { nb: "Bedre enn referansen: CO2e", en: "Beats the baseline: CO2e" },
  "uncertainty.head.beatsCost": { nb: "kostnad", en: "cost" },
  "bad-format": { nb: "--format: må være json eller table", en: "--format: must be json or table" },
  "unknown-command": { nb: "ukjent kommando «{command}»", en: "unknown command \"{command}\"" },
  warning: { nb: "{place}: advarsel: {message}", en: "{place}: warning: {message}" },
  valid: { nb: "{file}: gyldig", en: "{file}: valid" },
  "token.email-required": { nb: "token create: --email må oppgis", en: "token create: --email is required" },
  "token.no-user": { nb: "ingen bruker med e-post {email}", en: "no user with e-mail {email}" },
  "token.choose-organisation": { nb: "velg organisasjon med --organisation: {known}", en: "choose the organisation with --organisation: {known}" },
  "token.made": { nb: "API-nøkkel {prefix}… for {email} i {organisation} ({role}); den vises bare nå.", en: "API token {prefix}… for {email} in {organisation} ({role}); it is shown only now." },
  "table.head.rank": { nb: "Rang", en: "Rank" },
  "table.head.alternative": { nb: "Alternativ", en: "Alternative" },
  "table.head.level": { nb: "Avfallsnivå", en: "Waste level" },
  "table.head.tonnes": { nb: "t CO2e", en: "t CO2e" },
  "table.head.direct": { nb: "direkte", en: "direct" },
  "table.head.indirect": { nb: "indirekte", en: "indirect" },
  "table.head.presentValue": { nb: "Nåverdi kr", en: "Present value NOK" },
  "table.head.carbonCost": { nb: "Karbonkostnad kr", en: "Carbon cost NOK" },
  "table.head.presentValueWithCarbon": { nb: "Nåverdi med karbon kr", en: "PV with carbon NOK" },
  "table.head.dominated": { nb: "Dominert", en: "Dominated" },
  "table.head.against": { nb: "Mot", en: "Against" },
  "table.head.deltaTonnes": { nb: "Δ t CO2e", en: "Δ t CO2e" },
  "table.head.deltaPresentValue": { nb: "Δ nåverdi kr", en: "Δ present value NOK" },
  "table.head.perTonne": { nb: "kr per tonn spart", en: "NOK per tonne avoided" },
  "table.head.payback": { nb: "Tilbakebetaling", en: "Payback" },
  "table.head.netSavings": { nb: "Netto besparelse kr", en: "Net savings NOK" },
  "table.head.simplePayback": { nb: "Enkel tilbakebetaling", en: "Simple payback" },
  "table.head.sir": { nb: "SIR", en: "SIR" },
  "table.head.airr": { nb: "AIRR", en: "AIRR" },
  "table.head.breakEven": { nb: "Karbonpris for lik kostnad kr/t", en: "Break-even carbon price NOK/t" },
  "table.measures": { nb: "Økonomiske mål mot referansealternativet (NIST BLCC):", en: "Financial measures against the baseline (NIST BLCC):" },
  "table.cheaperAlready": {
    nb: "  {alternative}: karbonprisen for lik kostnad er negativ: alternativet er billigere enn referansealternativet allerede uten karbonpris",
    en: "  {alternative}: the break-even carbon price is negative: the alternative is cheaper than the baseline even without a carbon price",
  },
  "table.measureNote": { nb: "{alternative}, {measure}: {reason}", en: "{alternative}, {measure}: {reason}" },
  "table.ranking": { nb: "Rangering: {method}", en: "Ranking: {method}" },
  "table.rankNotes": { nb: "Hvorfor et bedre nivå står lavere:", en: "Why a better level ranks lower:" },
  "table.suggestions": { nb: "Nivå foreslått ut fra alternativets egne avfallsposter (bare et hint, rangeres ikke):", en: "Level suggested from the alternative's own waste items (a hint only, not ranked):" },
  "table.warnings": { nb: "Advarsler:", en: "Warnings:" },
  "table.fromStart": { nb: "billigere fra start", en: "cheaper from the start" },
  "table.never": { nb: "betaler seg ikke tilbake innen perioden", en: "does not pay back within the period" },
  "table.year": { nb: "år {year}", en: "year {year}" },
  "table.yes": { nb: "ja", en: "yes" },
  "table.no": { nb: "nei", en: "no" },
  "table.undeclared": { nb: "ikke oppgitt", en: "not declared" },
  "table.method.waste-pyramid": { nb: "avfallspyramiden (nivå, deretter t CO2e, deretter nåverdi)", en: "the waste pyramid (level, then t CO2e, then present value)" },
  "table.method.emissions": { nb: "utslipp (t CO2e)", en: "emissions (t CO2e)" },
  "table.method.lcc": { nb: "livssykluskostnad (nåverdi)", en: "lifecycle cost (present value)" },
  "table.method.lcc-with-carbon": { nb: "livssykluskostnad med karbonkostnad (nåverdi)", en: "lifecycle cost with carbon cost (present value)" },
  "backup.written": { nb: "Sikkerhetskopi skrevet: {file} ({bytes} byte, {cases, plural, one {# sak} other {# saker}}); integrity_check: ok", en: "Backup written: {file} ({bytes} bytes, {cases, plural, one {# case} other {# cases}}); integrity_check: ok" },
  "backup.restored": { nb: "Gjenopprettet {source} ({cases, plural, one {# sak} other {# saker}}) til {file}", en: "Restored {source} ({cases, plural, one {# case} other {# cases}}) into {file}" },
  "backup.previous": { nb: "den forrige databasen er tatt vare på som {previous}", en: "the previous database is kept as {previous}" },
  "backup.no-database": { nb: "{file}: ingen database her (DATA_DIR er mappen der serveren har kalkyle.db)", en: "{file}: no database here (DATA_DIR is the directory where the server keeps kalkyle.db)" },
  "backup.exists": { nb: "{file} finnes fra før; bruk --force for å skrive over den", en: "{file} exists already; give --force to overwrite it" },
  "backup.no-directory": { nb: "{file}: mappen finnes ikke", en: "{file}: the directory does not exist" },
  "backup.check-failed": { nb: "kopien av {file} besto ikke kontrollen: {problem}; ingenting ble skrevet", en: "the copy of {file} failed its check: {problem}; nothing was written" },
  "backup.missing": { nb: "{file}: finnes ikke", en: "{file}: no such file" },
  "backup.same-file": { nb: "{file} er selve databasen", en: "{file} is the database itself" },
  "backup.in-use": { nb: "{file} er åpen i en annen prosess (kjører serveren?); stopp serveren og prøv igjen. Ingenting er endret.", en: "{file} is open in another process (is the server running?); stop the server and try again. Nothing was changed." },
  "backup.invalid": { nb: "{file}: {problem}; den gjeldende databasen er uendret", en: "{file}: {problem}; the current database is unchanged" },
  "backup.postgres": { nb: "DATABASE_URL er satt, så databasen er PostgreSQL: ta sikkerhetskopi med pg_dump --format=custom --file=kalkyle.dump \"$DATABASE_URL\" og gjenopprett med pg_restore", en: "DATABASE_URL is set, so the database is PostgreSQL: back it up with pg_dump --format=custom --file=kalkyle.dump \"$DATABASE_URL\" and restore with pg_restore" },
  "backup.empty": { nb: "filen er tom", en: "the file is empty" },
  "backup.not-sqlite": { nb: "er ikke en SQLite-database", en: "is not a SQLite database" },
  "backup.corrupt": { nb: "er skadet (integrity_check: {detail})", en: "is damaged (integrity_check: {detail})" },
  "backup.not-kalkyle": { nb: "er en SQLite-database, men ikke Kalkyles: tabellene {missing} mangler", en: "is a SQLite database, but not Kalkyle's: the tables {missing} are missing" },
  "backup.newer-schema": { nb: "er laget av en nyere Kalkyle (skjemaversjon {version}; denne kjenner til og med {known})", en: "was made by a newer Kalkyle (schema version {version}; this one knows up to {known})" },
  ...AWARD_TABLE_TEXT,
} satisfies Record<string, Bilingual>;
