/**
 * A loaded factor set: its records by id, its economics (exchange rates,
 * price index, carbon price path) and the hash of its files, which every
 * result carries so a report can be reproduced.
 */
import type { Economics, FactorRecord, SetChanges, SetManifest } from "./schema.js";

export type FactorSet = {
  readonly id: string;
  readonly manifest: SetManifest;
  readonly hash: string;
  readonly records: ReadonlyMap<string, FactorRecord>;
  readonly economics: Economics;
  /** What changed from the previous set (changes.json), where the set has one. */
  readonly changes?: SetChanges | undefined;
};

export type FactorLibrary = {
  readonly sets: ReadonlyMap<string, FactorSet>;
  /** The newest bundled set: the default when a case names none. */
  readonly newest: string;
  /** The folder the sets were loaded from, so a worker thread can load the same ones. */
  readonly root: string;
};

/** The short citation the result document carries per item; what a user sees is built by src/factors/citation.ts. */
export { resultCitation as citation } from "./citation.js";
