/**
 * Process entry for the `kalkyle` bin: exit status from run(), never a
 * stack trace. `screen` goes straight to its own module, so a ledger
 * screening never loads the case evaluator and the unit engine (main.ts).
 */
import { commandOf, parseCliArgs } from "./cli-args.js";
import type { Io } from "./main.js";

function fault(error: unknown): void {
  console.error(`kalkyle: ${(error as Error).message}`);
  process.exitCode = 1;
}

const argv = process.argv.slice(2);
const io: Io = { out: (t) => console.log(t), err: (t) => console.error(t) };
const terminal = process.stderr.isTTY ? { write: (t: string) => void process.stderr.write(t) } : undefined;

try {
  const status = commandOf(argv) === "screen" ? (await import("./screen-command.js")).screenFromArgs(parseCliArgs(argv), io, process.env, terminal) : (await import("./main.js")).run(argv, io);
  if (typeof status === "number") process.exitCode = status;
  else status.then((code) => (process.exitCode = code), fault);
} catch (error) {
  fault(error);
}
