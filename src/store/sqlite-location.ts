/**
 * Where the embedded SQLite database lives: `kalkyle.db` in DATA_DIR, by
 * default `./data` under the working directory. The server opens it here
 * and `kalkyle backup` and `kalkyle restore` work on the same file.
 *
 * Example: sqliteDatabaseFile({ DATA_DIR: "/srv/kalkyle" }) → "/srv/kalkyle/kalkyle.db"
 */
import { join } from "node:path";

export function sqliteDatabaseFile(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return join(env.DATA_DIR ?? join(cwd, "data"), "kalkyle.db");
}
