/**
 * Reading back what the store kept. Every document carries its format
 * version in its own `schema` field (`kalkyle.case/1`, `kalkyle.result/1`;
 * docs/decisions.md says why): a case is returned only when it is of the
 * version this build reads (its content is the user's and may no longer
 * evaluate, so it is not checked further); a result only when it parses
 * with the result schema, and then typed. Anything else rejects with
 * StoreFormatError and is never returned as something it is not.
 */
import { RESULT_FORMAT, resultSchema, type ResultDocument } from "../case/result-schema.js";
import { CASE_FORMAT } from "../case/schema.js";
import { StoreFormatError } from "./errors.js";
import type { StoredCase, StoredResult } from "./store.js";

const versionOf = (document: unknown): string | null => {
  const schema = (document as { schema?: unknown } | null)?.schema;
  return typeof schema === "string" ? schema : null;
};

/** The stored case as read, if its document is of the format this build reads. */
export function readableCase(stored: StoredCase): StoredCase {
  const found = versionOf(stored.document);
  if (found !== CASE_FORMAT) throw new StoreFormatError({ document: "case", where: `case ${stored.id}`, expected: CASE_FORMAT, found });
  return stored;
}

/** The stored result text as a typed `kalkyle.result/1` document. */
export function readableResult(row: Omit<StoredResult, "result"> & { resultText: string }): StoredResult {
  const { resultText, ...kept } = row;
  const document: unknown = JSON.parse(resultText);
  const where = `case ${kept.caseId} version ${kept.version}`;
  const found = versionOf(document);
  if (found !== RESULT_FORMAT) throw new StoreFormatError({ document: "result", where, expected: RESULT_FORMAT, found });
  const parsed = resultSchema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(document)"}: ${i.message}`);
    throw new StoreFormatError({ document: "result", where, expected: RESULT_FORMAT, found, problems });
  }
  return { ...kept, result: parsed.data satisfies ResultDocument };
}
