/** Process entry for the `kalkyle` bin: exit status from run(), never a stack trace. */
import { run } from "./main.js";

function fault(error: unknown): void {
  console.error(`kalkyle: ${(error as Error).message}`);
  process.exitCode = 1;
}

try {
  const status = run(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) });
  if (typeof status === "number") process.exitCode = status;
  else status.then((code) => (process.exitCode = code), fault);
} catch (error) {
  fault(error);
}
