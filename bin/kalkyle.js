#!/usr/bin/env node
// The `kalkyle` command. It runs the build in dist/ (`npm run build`) when
// that is at least as new as every source file, because the build starts
// several times faster; otherwise it runs the TypeScript sources through
// tsx, so the checkout works right after `npm install` and an edit is
// never hidden behind a stale build.
import { readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const built = new URL("../dist/cli/run-cli.js", import.meta.url);

/** Newest modification time of any file under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return latest;
}

function buildIsFresh() {
  try {
    return statSync(built).mtimeMs >= newest(fileURLToPath(new URL("../src/", import.meta.url)));
  } catch {
    return false;
  }
}

if (buildIsFresh()) {
  await import(built.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/run-cli.ts");
}
