/** Whether the bundled factor set loads: the CLI tests that need it skip with a reason when it does not. */
import { loadFactorLibrary } from "../../src/factors/load.js";

export function bundledSetLoads(): boolean {
  try {
    loadFactorLibrary();
    return true;
  } catch {
    return false;
  }
}
