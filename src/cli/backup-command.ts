/**
 * `kalkyle backup FILE [--force]` and `kalkyle restore FILE`: the embedded
 * SQLite database (kalkyle.db in DATA_DIR) copied out and put back, with
 * what was written or what is wrong said in the user's language. Exit 0
 * done, 2 for a file the user named that cannot be used, 1 otherwise
 * (the database is in use, a copy that fails its check, a system error).
 */
import type { Lang } from "../case/messages.js";
import { formatNumber } from "../i18n/numbers.js";
import { text } from "../i18n/catalogue.js";
import { backupSqlite } from "../store/sqlite-backup.js";
import type { FileProblem } from "../store/sqlite-check.js";
import { restoreSqlite } from "../store/sqlite-restore.js";
import type { CLI_TEXT } from "./cli-text.js";
import type { Io } from "./main.js";

type BackupKey<K = keyof typeof CLI_TEXT> = K extends `backup.${infer R}` ? R : never;

function say(key: BackupKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return text(lang, `cli.backup.${key}`, params);
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
