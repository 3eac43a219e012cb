/**
 * Vitest global setup: compiles src/ to dist/ once for the whole run, so
 * that every test which starts `bin/kalkyle.js` as a child process runs
 * the build (fast to start) rather than the sources through tsx, and a
 * build that does not compile fails the run at once.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: new URL("../", import.meta.url), stdio: "inherit" });
}
