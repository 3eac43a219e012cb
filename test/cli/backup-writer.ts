/**
 * Child process for the backup test: saves cases through the real SQLite
 * store, each with its result, as fast as it can, and prints each case's
 * number once its save has returned (an acknowledged write), until it is
 * killed. Case n is titled "Sak n"; numbering starts at argv[3]. The WAL
 * is never checkpointed while it runs.
 */
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import { testCases } from "../support/test-organisation.js";
import { caseDocument, caseResult } from "./backup-cases.js";

const store = openSqliteStore(process.argv[2]!);
const cases = await testCases(store);
// Every save stays in the WAL (as while a long read holds the checkpoint back): a copy of the database file alone would miss them all.
store.db.pragma("wal_autocheckpoint = 0");
process.stdout.write("ready\n");
for (let n = Number(process.argv[3]); ; n++) {
  await cases.create(caseDocument(n), caseResult());
  process.stdout.write(`${n}\n`);
}
