/**
 * Ledger screening use cases: import an accounting ledger (streamed a
 * batch at a time into the store, each line once per organisation by its
 * fingerprint), list and delete imports, the adviser's mapping rules, and
 * the screening of every kept line under the default KOSTRA mapping and
 * those rules. The screening is kept per (ledger revision, rules version,
 * factor set): computed once after a change, read from the store after
 * that; reading a million lines yields to other requests between batches.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Problem } from "../case/messages.js";
import type { FactorLibrary } from "../factors/factor-set.js";
import { columnProblems, headerSignature, suggestColumns } from "../ledger/columns.js";
import { defaultMapping } from "../ledger/default-mapping.js";
import { fingerprinter } from "../ledger/fingerprint.js";
import { compileMapping } from "../ledger/mapping.js";
import { LedgerColumnsError, LedgerFileError } from "../ledger/ledger-errors.js";
import { inspectLedger, readLedger } from "../ledger/read-ledger.js";
import { ScreeningTotals } from "../ledger/screening.js";
import { parseMappingRules } from "../ledger/rules-input.js";
import type { BrokenLine, ColumnMapping, DefaultMapping, ImportProgress, ImportSummary, LedgerFormat, MappingRule, ScreeningResult } from "../ledger/types.js";
import type { Store } from "../store/store.js";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors.js";
import { authorize } from "./policy.js";
import { scopeOf, type Principal } from "./principal.js";

/** How many broken lines an import keeps to show (all are counted). */
export const BROKEN_LINES_KEPT = 1_000;
/** Lines read back from the store per batch when screening. */
const SCREENING_BATCH = 10_000;

export type ImportRequest = {
  fileName: string;
  source: AsyncIterable<Buffer>;
  bytesTotal: number | null;
  /** The columns the user chose; null: the remembered ones for the file's headers, else the suggested ones. */
  columns: ColumnMapping | null;
  onProgress?: (progress: ImportProgress) => void;
};

const fileProblem = (code: "ledger-unreadable" | "ledger-empty" | "ledger-no-header"): Problem => ({ path: "file", code, params: {} });
const columnsRefused = (problems: LedgerColumnsError["problems"]) => new InvalidInputError(problems.map(({ field, code }) => ({ path: `columns.${field}`, code, params: { field } })));

/** The reader's refusals of a whole file as the application layer's InvalidInputError; anything else as it is. */
function asInputError(error: unknown): unknown {
  if (error instanceof LedgerFileError) return new InvalidInputError([fileProblem(`ledger-${error.problem}`)]);
  if (error instanceof LedgerColumnsError) return columnsRefused(error.problems);
  return error;
}

/** The first bytes of a stream (at least `size`, or all of a shorter one) and the stream's rest, so the head can be inspected before the whole is read. */
async function splitHead(source: AsyncIterable<Buffer>, size: number): Promise<{ head: Buffer; whole: AsyncIterable<Buffer> }> {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* whole(): AsyncIterable<Buffer> {
    if (head.length > 0) yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, whole: whole() };
}

export function ledgerUseCases({ store, library }: { store: Store; library: FactorLibrary }) {
  const climateOf = (p: Principal) => store.scoped(scopeOf(p)).climate;
  const factorSet = () => library.sets.get(library.newest)!;
  /** One computation per organisation and key at a time: a second request waits for the first's answer. */
  const computing = new Map<string, Promise<ScreeningResult | null>>();

  function inspected(fileName: string, head: Buffer): LedgerFormat {
    const outcome = inspectLedger(fileName, head);
    if ("problem" in outcome) throw new InvalidInputError([fileProblem(`ledger-${outcome.problem}`)]);
    return outcome.format;
  }

  /**
   * The columns to read a CSV with: the user's, else the ones remembered
   * for these headers, else the suggested ones. A workbook's headers are
   * known only once it is read: the user's columns, or the reader suggests.
   */
  async function columnsFor(p: Principal, format: LedgerFormat, given: ColumnMapping | null): Promise<ColumnMapping | null> {
    if (format.kind === "xlsx") return given;
    const columns = given ?? (await climateOf(p).columnMapping(headerSignature(format.headers))) ?? suggestColumns(format.headers);
    const problems = columnProblems(columns, format.headers);
    if (problems.length > 0) throw columnsRefused(problems);
    return columns;
  }

  async function computeScreening(p: Principal): Promise<ScreeningResult | null> {
    const climate = climateOf(p);
    const [revision, rules] = await Promise.all([climate.ledgerRevision(), climate.mappingRules()]);
    if (revision === 0) return null;
    const set = factorSet();
    const key = `${revision}:${rules.version}:${set.hash}`;
    const kept = await climate.screening(key);
    if (kept) return kept;
    const totals = new ScreeningTotals(compileMapping(defaultMapping(), rules.rules), set);
    let lines = 0;
    for (let after = 0; ; ) {
      const batch = await climate.lines(after, SCREENING_BATCH);
      if (batch.length === 0) break;
      for (const line of batch) totals.add(line);
      lines += batch.length;
      after = batch[batch.length - 1]!.seq;
      await nextTurn();
    }
    if (lines === 0) return null;
    const result = totals.result();
    await climate.keepScreening(key, result);
    return result;
  }

  async function screening(p: Principal): Promise<ScreeningResult | null> {
    authorize(p, "climate.read");
    const key = p.organisationId;
    const running = computing.get(key);
    if (running) return running;
    const started = computeScreening(p).finally(() => computing.delete(key));
    computing.set(key, started);
    return started;
  }

  return {
    /** What the file is (encoding, delimiter, headers) and the columns to offer: the remembered ones for these headers, else the suggested. */
    async inspect(p: Principal, fileName: string, head: Buffer): Promise<{ format: LedgerFormat; suggested: ColumnMapping; remembered: ColumnMapping | null }> {
      authorize(p, "ledger.import");
      const format = inspected(fileName, head);
      const remembered = format.kind === "csv" ? await climateOf(p).columnMapping(headerSignature(format.headers)) : null;
      return { format, suggested: suggestColumns(format.headers), remembered };
    },

    /**
     * Streams the file into the store a batch at a time: lines already held
     * (the same file again, an overlapping period) are counted as
     * duplicates, broken lines are counted and the first ones kept with
     * their line number and reason. An import that fails half-way leaves
     * no line behind. ConflictError("import-running") while another import
     * of the organisation is under way (one at a time per organisation).
     */
    async import(p: Principal, request: ImportRequest): Promise<ImportSummary> {
      authorize(p, "ledger.import");
      const climate = climateOf(p);
      const { head, whole } = await splitHead(request.source, 64 * 1024);
      const format = inspected(request.fileName, head);
      const columns = await columnsFor(p, format, request.columns);
      if (request.columns !== null && format.kind === "csv") await climate.rememberColumnMapping(headerSignature(format.headers), request.columns);

      const begun = await climate.beginImport(request.fileName);
      if (!begun.ok) throw new ConflictError(begun.reason);
      const { importId } = begun;
      const fingerprint = fingerprinter();
      const brokenLines: BrokenLine[] = [];
      const years = new Set<number>();
      let imported = 0;
      let duplicates = 0;
      let broken = 0;
      try {
        const reader = readLedger(whole, { fileName: request.fileName, columns, bytesTotal: request.bytesTotal, onProgress: request.onProgress });
        let step = await reader.next();
        while (!step.done) {
          const batch = step.value;
          broken += batch.broken.length;
          for (const b of batch.broken) if (brokenLines.length < BROKEN_LINES_KEPT) brokenLines.push(b);
          for (const line of batch.lines) years.add(line.year);
          if (batch.lines.length > 0) {
            const added = await climate.addLines(importId, batch.lines.map((line) => ({ fingerprint: fingerprint(line), line })));
            imported += added.inserted;
            duplicates += added.duplicates;
          }
          step = await reader.next();
        }
        const summary: ImportSummary = {
          importId,
          fileName: request.fileName,
          format: step.value.format,
          read: step.value.read,
          imported,
          duplicates,
          broken,
          brokenLines,
          years: [...years].sort((a, b) => a - b),
          importedAt: new Date().toISOString(),
        };
        await climate.finishImport(importId, summary);
        return summary;
      } catch (error) {
        await climate.abandonImport(importId);
        throw asInputError(error);
      }
    },

    async list(p: Principal): Promise<ImportSummary[]> {
      authorize(p, "climate.read");
      return climateOf(p).imports();
    },
    async remove(p: Principal, importId: string): Promise<void> {
      authorize(p, "ledger.delete");
      if (!(await climateOf(p).removeImport(importId))) throw new NotFoundError();
    },
    screening,
    async mapping(p: Principal): Promise<{ defaults: DefaultMapping; rules: MappingRule[]; version: number }> {
      authorize(p, "climate.read");
      const { rules, version } = await climateOf(p).mappingRules();
      return { defaults: defaultMapping(), rules, version };
    },
    /** The adviser's rules as a whole; ConflictError when someone saved in between. */
    async saveMapping(p: Principal, input: unknown, expectedVersion: number): Promise<{ version: number }> {
      authorize(p, "mapping.update");
      const parsed = parseMappingRules(input, factorSet());
      if (!parsed.ok) throw new InvalidInputError(parsed.problems);
      const outcome = await climateOf(p).saveMappingRules(parsed.value, expectedVersion);
      if (!outcome.ok) throw new ConflictError("version");
      return { version: outcome.version };
    },
  };
}

export type LedgerUseCases = ReturnType<typeof ledgerUseCases>;
