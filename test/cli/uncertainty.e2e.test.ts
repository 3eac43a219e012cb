/**
 * `kalkyle evaluate --samples --seed` as a child process (`node
 * bin/kalkyle.js`): the JSON result carries the `uncertainty` block, and
 * the same seed gives the same numbers in a fresh process as in this one
 * (nothing in the draws depends on the process); a bad value exits 2 with
 * its message and no stack trace. The finer points run in-process in
 * uncertainty.test.ts.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { bundledSetLoads } from "./bundled-set.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CHAIRS = fileURLToPath(new URL("../fixtures/cases/inline-chairs.json", import.meta.url));

function kalkyle(...args: string[]) {
  const child = spawnSync(process.execPath, ["bin/kalkyle.js", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, LANG: "C" }, timeout: 60_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe.skipIf(!bundledSetLoads())("kalkyle evaluate --samples (child process)", { timeout: 120_000 }, () => {
  it("--samples 5000 --seed 42: the block, the same as in-process with the same seed", async () => {
    const child = kalkyle("evaluate", CHAIRS, "--samples", "5000", "--seed", "42");
    expect([child.status, child.stderr]).toEqual([0, ""]);
    const block = (JSON.parse(child.stdout) as { uncertainty: { samples: number; seed: number; alternatives: { id: string }[] } }).uncertainty;
    expect([block.samples, block.seed, block.alternatives.map((a) => a.id)]).toEqual([5000, 42, ["A", "B"]]);
    const out: string[] = [];
    expect(await run(["evaluate", CHAIRS, "--samples", "5000", "--seed", "42"], { out: (t) => out.push(t), err: () => undefined }, { LANG: "C" })).toBe(0);
    expect((JSON.parse(out.join("")) as { uncertainty: unknown }).uncertainty).toEqual(block);
  });

  it("--samples 1.5: exit 2, the message, no stack trace", () => {
    const child = kalkyle("evaluate", CHAIRS, "--samples", "1.5", "--lang", "en");
    expect(child).toEqual({ status: 2, stdout: "", stderr: "--samples: must be a whole number from 1 to 100,000\n" });
  });
});
