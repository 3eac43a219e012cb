/**
 * `kalkyle backup FILE [--force]` and `kalkyle restore FILE`: the embedded
 * SQLite database (kalkyle.db in DATA_DIR) copied out and put back, with
 * what was written or what is wrong said in the user's language. Exit 0
 * done, 2 for a file the user named that cannot be used, 1 otherwise
 * (the database is in use, a copy that fails its check, a system error).
 */
import type { Lang } from "../case/messages.js";
import { formatNumber } from "../i18n/numbers.js";
import { pluralize } from "../i18n/plural.js";
import { backupSqlite } from "../store/sqlite-backup.js";
import type { FileProblem } from "../store/sqlite-check.js";
import { restoreSqlite } from "../store/sqlite-restore.js";
import type { Io } from "./main.js";

type Template = { nb: string; en: string };

const TEXT = {
  written: { nb: "Sikkerhetskopi skrevet: {file} ({bytes} byte, {cases, plural, one {# sak} other {# saker}}); integrity_check: ok", en: "Backup written: {file} ({bytes} bytes, {cases, plural, one {# case} other {# cases}}); integrity_check: ok" },
  restored: { nb: "Gjenopprettet {source} ({cases, plural, one {# sak} other {# saker}}) til {file}", en: "Restored {source} ({cases, plural, one {# case} other {# cases}}) into {file}" },
  previous: { nb: "den forrige databasen er tatt vare på som {previous}", en: "the previous database is kept as {previous}" },
  "no-database": { nb: "{file}: ingen database her (DATA_DIR er mappen der serveren har kalkyle.db)", en: "{file}: no database here (DATA_DIR is the directory where the server keeps kalkyle.db)" },
  exists: { nb: "{file} finnes fra før; bruk --force for å skrive over den", en: "{file} exists already; give --force to overwrite it" },
  "no-directory": { nb: "{file}: mappen finnes ikke", en: "{file}: the directory does not exist" },
  "check-failed": { nb: "kopien av {file} besto ikke kontrollen: {problem}; ingenting ble skrevet", en: "the copy of {file} failed its check: {problem}; nothing was written" },
  missing: { nb: "{file}: finnes ikke", en: "{file}: no such file" },
  "same-file": { nb: "{file} er selve databasen", en: "{file} is the database itself" },
  "in-use": { nb: "{file} er åpen i en annen prosess (kjører serveren?); stopp serveren og prøv igjen. Ingenting er endret.", en: "{file} is open in another process (is the server running?); stop the server and try again. Nothing was changed." },
  invalid: { nb: "{file}: {problem}; den gjeldende databasen er uendret", en: "{file}: {problem}; the current database is unchanged" },
  postgres: { nb: "DATABASE_URL er satt, så databasen er PostgreSQL: ta sikkerhetskopi med pg_dump --format=custom --file=kalkyle.dump \"$DATABASE_URL\" og gjenopprett med pg_restore", en: "DATABASE_URL is set, so the database is PostgreSQL: back it up with pg_dump --format=custom --file=kalkyle.dump \"$DATABASE_URL\" and restore with pg_restore" },
  empty: { nb: "filen er tom", en: "the file is empty" },
  "not-sqlite": { nb: "er ikke en SQLite-database", en: "is not a SQLite database" },
  corrupt: { nb: "er skadet (integrity_check: {detail})", en: "is damaged (integrity_check: {detail})" },
  "not-kalkyle": { nb: "er en SQLite-database, men ikke Kalkyles: tabellene {missing} mangler", en: "is a SQLite database, but not Kalkyle's: the tables {missing} are missing" },
  "newer-schema": { nb: "er laget av en nyere Kalkyle (skjemaversjon {version}; denne kjenner til og med {known})", en: "was made by a newer Kalkyle (schema version {version}; this one knows up to {known})" },
} satisfies Record<string, Template>;

function say(key: keyof typeof TEXT, lang: Lang, params: Record<string, string | number> = {}): string {
  return pluralize(TEXT[key][lang], params, lang).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));
}

function problemText(problem: FileProblem, lang: Lang): string {
  switch (problem.kind) {
    case "corrupt":
      return say("corrupt", lang, { detail: problem.detail });
    case "not-kalkyle":
      return say("not-kalkyle", lang, { missing: problem.missing.join(", ") });
    case "newer-schema":
      return say("newer-schema", lang, { version: problem.version, known: problem.known });
    default:
      return say(problem.kind, lang);
  }
}

/** PostgreSQL is backed up with its own tools; this command would copy a SQLite file the server does not use. */
function refusePostgres(env: NodeJS.ProcessEnv, io: Io, lang: Lang): boolean {
  if (!env.DATABASE_URL?.trim()) return false;
  io.err(say("postgres", lang));
  return true;
}

export async function backupCommand(target: string, options: { liveFile: string; force: boolean; lang: Lang; env: NodeJS.ProcessEnv }, io: Io): Promise<number> {
  const { lang } = options;
  if (refusePostgres(options.env, io, lang)) return 2;
  const outcome = await backupSqlite(options.liveFile, target, { force: options.force });
  if (outcome.ok) {
    io.out(say("written", lang, { file: outcome.file, bytes: formatNumber(outcome.bytes, lang), cases: formatNumber(outcome.cases, lang) }));
    return 0;
  }
  if (outcome.reason === "check-failed") {
    io.err(say("check-failed", lang, { file: outcome.file, problem: problemText(outcome.problem, lang) }));
    return 1;
  }
  io.err(say(outcome.reason, lang, { file: outcome.file }));
  return 2;
}

export function restoreCommand(source: string, options: { liveFile: string; lang: Lang; env: NodeJS.ProcessEnv; now: Date }, io: Io): number {
  const { lang } = options;
  if (refusePostgres(options.env, io, lang)) return 2;
  const outcome = restoreSqlite(source, options.liveFile, options.now);
  if (outcome.ok) {
    const restored = say("restored", lang, { source, file: outcome.file, cases: formatNumber(outcome.cases, lang) });
    io.out(outcome.previous ? `${restored}; ${say("previous", lang, { previous: outcome.previous })}` : restored);
    return 0;
  }
  if (outcome.reason === "invalid") {
    io.err(say("invalid", lang, { file: outcome.file, problem: problemText(outcome.problem, lang) }));
    return 2;
  }
  io.err(say(outcome.reason, lang, { file: outcome.file }));
  return outcome.reason === "in-use" ? 1 : 2;
}
