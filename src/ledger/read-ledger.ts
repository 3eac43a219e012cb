/**
 * Reads a ledger file as a stream, CSV or Excel (.xlsx), into batches of
 * ledger lines and broken lines, so that the caller stores each batch as
 * it comes and memory stays bounded whatever the file's size.
 *
 * CSV: bytes → LedgerDecoder (UTF-8 with or without BOM, or Windows-1252)
 * → RecordGuard (whole records, none longer than 10 000 characters) →
 * csv-parse (the delimiter found in the header line) → readRecord. The
 * first record is the header (line 1); each later record is one line,
 * numbered as a spreadsheet numbers its rows (a quoted field with a line
 * break in it is still one line). Empty lines are passed over.
 * Excel: exceljs's streaming WorkbookReader, the first worksheet, its
 * first row the header; line numbers are the sheet's row numbers.
 *
 * A file that cannot be a ledger (binary, no header of two columns, no
 * line after the header) throws LedgerFileError; a mapping that cannot
 * read the file throws LedgerColumnsError before any batch is yielded.
 *
 * Example: for await (const { lines, broken } of readLedger(createReadStream(f), { fileName: f, columns: null, bytesTotal: null })) store(lines);
 */
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { columnProblems, suggestColumns } from "./columns.js";
import { detectDelimiter, LedgerDecoder, type LedgerDelimiter } from "./decode.js";
import { LedgerColumnsError, LedgerFileError } from "./ledger-errors.js";
import { type Cell, columnIndexes, type ColumnIndexes, MAX_LINE_LENGTH, readRecord, RepeatedTexts } from "./ledger-line.js";
import { RecordGuard, TOO_LONG_MARKER, UNCLOSED_MARKER } from "./record-guard.js";
import type { BrokenLine, ColumnMapping, ImportProgress, LedgerFormat, LedgerLine } from "./types.js";

export type ReadLedgerOptions = {
  fileName: string;
  /** null: the mapping suggested from the file's headers. */
  columns: ColumnMapping | null;
  bytesTotal: number | null;
  onProgress?: (progress: ImportProgress) => void;
  /** Lines (or broken lines) per batch; 5 000 unless given. */
  batchSize?: number;
};

export type LedgerBatch = { lines: LedgerLine[]; broken: BrokenLine[] };
export type LedgerReadEnd = { format: LedgerFormat; read: number };

const PROGRESS_LINES = 10_000;
const PROGRESS_BYTES = 1 << 20;

/** A ZIP archive (an .xlsx workbook) starts with "PK\x03\x04". */
const isZip = (head: Uint8Array) => head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

/**
 * What the first bytes of a file say: its kind, encoding, delimiter and
 * headers, or why it cannot be a ledger (the kind from the ZIP magic, not
 * the name, as readLedger does). A workbook's headers are only
 * known once it is read (its first row may be anywhere in the archive):
 * they are [] here, and readLedger suggests the mapping from them.
 */
export function inspectLedger(fileName: string, head: Buffer): { format: LedgerFormat } | { problem: "unreadable" | "empty" | "no-header" } {
  if (head.length === 0) return { problem: "empty" };
  if (isZip(head)) return { format: { encoding: "utf-8", delimiter: ";", kind: "xlsx", headers: [] } };
  if (head.includes(0)) return { problem: "unreadable" };
  const decoder = new LedgerDecoder();
  const text = decoder.write(head);
  const end = headerEnd(text);
  if (end < 0 && text.length > MAX_LINE_LENGTH) return { problem: "no-header" };
  const line = end < 0 ? text : text.slice(0, end);
  const delimiter = detectDelimiter(line);
  const headers = headerCells(line, delimiter);
  if (headers === null) return { problem: "no-header" };
  return { format: { encoding: decoder.encoding, delimiter, kind: "csv", headers } };
}

/** The header line's cells trimmed, or null when it has fewer than two named columns. */
function headerCells(line: string, delimiter: LedgerDelimiter): string[] | null {
  const records = parseSync(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
  const headers = (records[0] ?? []).map((h) => h.trim());
  return headers.filter((h) => h !== "").length >= 2 ? headers : null;
}

/** Index of the first line break outside quotes, or -1. */
function headerEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) return i;
  }
  return -1;
}

/** Counts bytes, lines and batches, and reports progress. */
class Batches {
  lines: LedgerLine[] = [];
  broken: BrokenLine[] = [];
  read = 0;
  bytesRead = 0;
  #reportedLines = 0;
  #reportedBytes = 0;
  readonly #size: number;
  readonly #repeated = new RepeatedTexts();
  columns: ColumnIndexes | null = null;
  headers: string[] = [];

  constructor(readonly options: ReadLedgerOptions) {
    this.#size = options.batchSize ?? 5_000;
  }

  /** Takes the header row: the mapping is checked against it. */
  header(cells: string[]): void {
    const headers = cells.map((h) => h.trim());
    if (headers.filter((h) => h !== "").length < 2 || headers[0]!.startsWith("\u0000")) throw new LedgerFileError("no-header");
    const mapping = this.options.columns ?? suggestColumns(headers);
    const problems = columnProblems(mapping, headers);
    if (problems.length > 0) throw new LedgerColumnsError(problems, headers);
    this.headers = headers;
    this.columns = columnIndexes(mapping, headers);
  }

  /** Reads one record; true when a batch is full. */
  add(cells: ArrayLike<Cell>, lineNumber: number): boolean {
    const first = cells[0];
    if (cells.length === 1 && typeof first === "string" && first.charCodeAt(0) === 0) {
      this.broken.push({ lineNumber, reason: first === TOO_LONG_MARKER ? "line-too-long" : first === UNCLOSED_MARKER ? "quote-not-closed" : "line-too-long", field: null, found: "" });
      this.read++;
    } else {
      const result = readRecord(cells, lineNumber, this.columns!, this.#repeated);
      if (result.kind === "line") this.lines.push(result.line);
      else if (result.kind === "broken") this.broken.push(result.broken);
      if (result.kind !== "empty") this.read++;
    }
    if (this.read - this.#reportedLines >= PROGRESS_LINES) this.progress();
    return this.lines.length >= this.#size || this.broken.length >= this.#size;
  }

  take(): LedgerBatch {
    const batch = { lines: this.lines, broken: this.broken };
    this.lines = [];
    this.broken = [];
    return batch;
  }

  bytes(n: number): void {
    this.bytesRead += n;
    if (this.bytesRead - this.#reportedBytes >= PROGRESS_BYTES) this.progress();
  }

  progress(): void {
    this.#reportedLines = this.read;
    this.#reportedBytes = this.bytesRead;
    this.options.onProgress?.({ bytesRead: this.bytesRead, bytesTotal: this.options.bytesTotal, lines: this.read });
  }

  get pending(): boolean {
    return this.lines.length > 0 || this.broken.length > 0;
  }
}

/**
 * Reads a ledger (the contract in src/ledger/types.ts): yields batches of
 * at most `batchSize` lines, returns the format found and the number of
 * lines read (the header not counted).
 */
export async function* readLedger(source: AsyncIterable<Buffer>, options: ReadLedgerOptions): AsyncGenerator<LedgerBatch, LedgerReadEnd> {
  const iterator = source[Symbol.asyncIterator]();
  let first: Buffer | undefined;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    if (next.value.length > 0) {
      first = next.value;
      break;
    }
  }
  if (first === undefined) throw new LedgerFileError("empty");
  const batches = new Batches(options);
  const chunks = counted(first, iterator, batches);
  const format = isZip(first) ? yield* readWorkbook(chunks, batches) : yield* readCsv(chunks, first, batches);
  if (batches.read === 0) throw new LedgerFileError("empty");
  batches.progress();
  return { format, read: batches.read };
}

/** The first chunk, then the rest, each counted as read. */
async function* counted(first: Buffer, rest: AsyncIterator<Buffer>, batches: Batches): AsyncGenerator<Buffer> {
  let done = false;
  try {
    batches.bytes(first.length);
    yield first;
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      batches.bytes(next.value.length);
      yield next.value;
    }
    done = true;
  } finally {
    // left early (a workbook's later sheets are not read, or an error): close the source, e.g. the file
    if (!done) await rest.return?.();
  }
}

async function* readCsv(chunks: AsyncIterable<Buffer>, first: Buffer, batches: Batches): AsyncGenerator<LedgerBatch, LedgerFormat> {
  if (first.includes(0)) throw new LedgerFileError("unreadable");
  const decoder = new LedgerDecoder();
  let head = "";
  let csv: CsvRecords | null = null;
  for await (const chunk of chunks) {
    let text = decoder.write(chunk);
    if (csv === null) {
      head += text;
      const end = headerEnd(head);
      if (end < 0) {
        if (head.length > MAX_LINE_LENGTH) throw new LedgerFileError("no-header");
        continue;
      }
      csv = new CsvRecords(detectDelimiter(head.slice(0, end)));
      text = head;
      head = "";
    }
    csv.write(text);
    yield* csv.drain(batches);
  }
  const rest = decoder.end();
  csv ??= new CsvRecords(detectDelimiter(head));
  await csv.end(head + rest);
  yield* csv.drain(batches);
  if (batches.pending) yield batches.take();
  if (batches.columns === null) throw new LedgerFileError("no-header");
  return { encoding: decoder.encoding, delimiter: csv.delimiter, kind: "csv", headers: batches.headers };
}

/** csv-parse fed with whole records by the guard; records are collected as parsed. */
class CsvRecords {
  readonly #guard: RecordGuard;
  readonly #parser: ReturnType<typeof parse>;
  #records: string[][] = [];
  #lineNumber = 0;
  #failure: Error | null = null;
  readonly #ended: Promise<void>;

  constructor(readonly delimiter: LedgerDelimiter) {
    this.#guard = new RecordGuard(delimiter);
    this.#parser = parse({ delimiter, relax_quotes: true, relax_column_count: true, record_delimiter: ["\r\n", "\n", "\r"], bom: false });
    this.#parser.on("data", (record: string[]) => this.#records.push(record));
    this.#ended = new Promise((resolve) => {
      this.#parser.on("error", (error: Error) => {
        this.#failure = error;
        resolve();
      });
      this.#parser.on("end", () => resolve());
    });
  }

  write(text: string): void {
    const whole = this.#guard.push(text);
    if (whole !== "") this.#parser.write(whole);
  }

  async end(text: string): Promise<void> {
    this.#parser.end(this.#guard.end(text));
    await this.#ended;
  }

  *drain(batches: Batches): Generator<LedgerBatch> {
    if (this.#failure) throw new LedgerFileError("unreadable");
    const records = this.#records;
    this.#records = [];
    for (const record of records) {
      const lineNumber = ++this.#lineNumber;
      if (lineNumber === 1) batches.header(record);
      else if (batches.add(record, lineNumber)) yield batches.take();
    }
  }
}

async function* readWorkbook(chunks: AsyncIterable<Buffer>, batches: Batches): AsyncGenerator<LedgerBatch, LedgerFormat> {
  const { default: ExcelJS } = await import("exceljs");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
  try {
    for await (const sheet of reader) {
      let header = true;
      for await (const row of sheet) {
        const cells = rowCells(row.values as unknown[]);
        if (header) {
          batches.header(cells.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : c === null || c === undefined ? "" : String(c))));
          header = false;
        } else if (cells.reduce<number>((n, c) => n + (typeof c === "string" ? c.length : 8), 0) > MAX_LINE_LENGTH) {
          batches.broken.push({ lineNumber: row.number, reason: "line-too-long", field: null, found: "" });
          batches.read++;
        } else if (batches.add(cells, row.number)) yield batches.take();
      }
      break;
    }
  } catch (error) {
    if (error instanceof LedgerFileError || error instanceof LedgerColumnsError) throw error;
    throw new LedgerFileError("unreadable");
  }
  if (batches.pending) yield batches.take();
  if (batches.columns === null) throw new LedgerFileError("no-header");
  return { encoding: "utf-8", delimiter: ";", kind: "xlsx", headers: batches.headers };
}

/** A worksheet row's values (1-based, with holes) as cells: text, number, date or null. */
function rowCells(values: unknown[]): Cell[] {
  const cells: Cell[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
  return cells;
}

function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellValue(v.result);
    if (typeof v.text === "string") return v.text;
  }
  return null;
}
