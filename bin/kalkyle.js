#!/usr/bin/env node
// The `kalkyle` command: runs the TypeScript sources through tsx, so the
// checkout works right after `npm install` without a build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/run-cli.ts");
