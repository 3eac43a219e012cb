/**
 * The server's log: pino, one JSON object per line on standard output,
 * with the UTC time as ISO text and the level as a word:
 *
 *   {"level":"info","time":"2026-03-14T09:12:03.114Z","pid":4121,"hostname":"app1",
 *    "requestId":"0b6f…","method":"GET","path":"/cases/x","status":200,"ms":4.2}
 *
 * Callers log chosen fields only, never a request or its headers whole;
 * keys that could carry a secret (password, token, cookie, authorization,
 * a query) are removed wherever a caller passes them anyway. LOG_LEVEL sets
 * the least level written (default info; "silent" writes nothing).
 */
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Removed from every line, at the top and one level down (e.g. `{ body: { password } }`). */
const SECRET_KEYS = ["password", "newPassword", "token", "cookie", "authorization", "query", "headers"];

/** The level LOG_LEVEL names, or an error saying which levels there are. */
export function logLevelOf(env: NodeJS.ProcessEnv = process.env): string {
  const level = env.LOG_LEVEL?.trim().toLowerCase() || "info";
  if (!(LEVELS as readonly string[]).includes(level)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(", ")}; it is ${JSON.stringify(env.LOG_LEVEL)}`);
  return level;
}

/** The log; by default at LOG_LEVEL to standard output, written as each line comes (nothing is lost at exit). */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? logLevelOf(),
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: SECRET_KEYS.flatMap((key) => [key, `*.${key}`]), remove: true },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** A log that writes nothing, for tests and benchmarks. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
