/** Process entry for the `kalkyle` bin: exit status from run(), never a stack trace. */
import { run } from "./main.js";

try {
  process.exitCode = run(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) });
} catch (error) {
  console.error(`kalkyle: ${(error as Error).message}`);
  process.exitCode = 1;
}
