/**
 * Child process for the durability test: saves cases through the real
 * SQLite store as fast as it can and prints each id once the save has
 * returned (an acknowledged write), until it is killed.
 */
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import { testCases } from "../support/test-organisation.js";

const store = openSqliteStore(process.argv[2]!);
const cases = await testCases(store);
process.stdout.write("ready\n");
for (let n = 0; ; n++) {
  const saved = await cases.create({ schema: "kalkyle.case/1", title: `Sak ${n}`, analysis: { startYear: 2026, years: 10 }, alternatives: [{ id: "A", name: "A" }, { id: "B", name: "B" }] });
  const updated = await cases.update(saved.id, { schema: "kalkyle.case/1", title: `Sak ${n} v2`, analysis: { startYear: 2026, years: 10 }, alternatives: [{ id: "A", name: "A" }] });
  if (!updated.ok) throw new Error("update failed");
  process.stdout.write(`${saved.id}\n`);
}
