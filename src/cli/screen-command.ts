/**
 * `kalkyle screen LEDGER.csv|.xlsx [--mapping FILE] [--columns FILE] [--format json|table] [--lang nb|en]`:
 * the ledger screening from the command line. The file is streamed
 * through the ledger reader, every line mapped (the default KOSTRA
 * mapping, then the rules of --mapping) and added to the screening's
 * totals; memory holds the totals, not the lines. Progress goes to
 * stderr: one line rewritten in place on a terminal, else one line per
 * tenth of the file.
 *
 * This module loads only what a screening needs (the newest factor set's
 * spend records and economics, no unit engine, no case evaluator), so a
 * large ledger starts from a small heap (main.ts imports it on demand).
 * Exit status: 0 done (broken lines are listed, not fatal), 2 a file that
 * cannot be read at all, a --mapping or --columns file that cannot be
 * used, or columns that cannot be found.
 */
import { createReadStream, readFileSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { problemLine, type Lang } from "../case/messages.js";
import { text } from "../i18n/catalogue.js";
import { formatNumber } from "../i18n/numbers.js";
import { columnProblems, suggestColumns, type ColumnProblemCode } from "../ledger/columns.js";
import { defaultMapping } from "../ledger/default-mapping.js";
import { LedgerColumnsError, LedgerFileError } from "../ledger/ledger-errors.js";
import { compileMapping } from "../ledger/mapping.js";
import { inspectLedger, readLedger } from "../ledger/read-ledger.js";
import { parseMappingRules } from "../ledger/rules-input.js";
import { loadScreeningFactors } from "../ledger/screening-factors.js";
import { ScreeningTotals } from "../ledger/screening.js";
import { LEDGER_FIELDS, type BrokenLine, type ColumnMapping, type ImportProgress, type LedgerField, type LedgerFormat, type MappingRule } from "../ledger/types.js";
import type { FactorSet } from "../factors/factor-set.js";
import type { Io } from "./main.js";
import { chosenLang, type CliArgs } from "./cli-args.js";
import { screeningTable } from "./screen-table.js";

export type ScreenOptions = {
  file: string | undefined;
  mapping: string | undefined;
  columns: string | undefined;
  format: "json" | "table";
  lang: Lang;
  /** Where the progress line is written in place (a terminal); without it, progress is one line per tenth through io.err. */
  terminal?: { write: (text: string) => void } | undefined;
};

/** Broken lines kept for the output (all are counted). */
export const KEPT_BROKEN_LINES = 1_000;
/** Bytes read to tell the format and the headers before the whole file is streamed. */
const HEAD_BYTES = 64 * 1024;

type Refusal = { ok: false; messages: string[] };

function readJsonFile(file: string, lang: Lang): { ok: true; value: unknown } | Refusal {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return { ok: false, messages: [missing ? text(lang, "cli.no-such-file", { file }) : `${file}: ${(error as Error).message}`] };
  }
  try {
    return { ok: true, value: JSON.parse(source.replace(/^\uFEFF/u, "")) };
  } catch (error) {
    return { ok: false, messages: [text(lang, "cli.screen.json", { file, detail: (error as Error).message })] };
  }
}

/** The adviser's rules from a --mapping file: {"rules": [...]}, each rule checked against the factor set. */
export function mappingRulesFrom(file: string, set: FactorSet, lang: Lang): { ok: true; rules: MappingRule[] } | Refusal {
  const read = readJsonFile(file, lang);
  if (!read.ok) return read;
  const value = read.value as { rules?: unknown } | null;
  if (typeof value !== "object" || value === null || Array.isArray(value) || !Array.isArray(value.rules)) return { ok: false, messages: [text(lang, "cli.screen.mapping-shape", { file })] };
  const parsed = parseMappingRules(value.rules, set);
  if (!parsed.ok) return { ok: false, messages: parsed.problems.map((p) => `${file}: ${problemLine(p, lang)}`) };
  return { ok: true, rules: parsed.value };
}

/** The columns from a --columns file: {"account": "Art", "amount": "Beløp", …}. */
export function columnsFrom(file: string, lang: Lang): { ok: true; columns: ColumnMapping } | Refusal {
  const read = readJsonFile(file, lang);
  if (!read.ok) return read;
  const fields = LEDGER_FIELDS.join(", ");
  const value = read.value;
  if (typeof value !== "object" || value === null || Array.isArray(value) || Object.values(value).some((v) => typeof v !== "string")) return { ok: false, messages: [text(lang, "cli.screen.columns-shape", { file, fields })] };
  const unknown = Object.keys(value).filter((k) => !(LEDGER_FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) return { ok: false, messages: unknown.map((field) => text(lang, "cli.screen.columns-field", { file, field, fields })) };
  return { ok: true, columns: value as ColumnMapping };
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The file's format, or why it cannot be read at all. */
async function inspect(file: string, lang: Lang): Promise<{ ok: true; format: LedgerFormat; size: number } | Refusal> {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { ok: false, messages: [text(lang, "cli.screen.not-a-file", { file })] };
    size = stat.size;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    return { ok: false, messages: [missing ? text(lang, "cli.no-such-file", { file }) : `${file}: ${(error as Error).message}`] };
  }
  let head: Buffer;
  try {
    head = await readHead(file);
  } catch (error) {
    return { ok: false, messages: [`${file}: ${(error as Error).message}`] };
  }
  const found = inspectLedger(basename(file), head);
  if ("problem" in found) return { ok: false, messages: [text(lang, `cli.screen.${found.problem}`, { file })] };
  return { ok: true, format: found.format, size };
}

/** Columns given, or suggested from the headers; every column that cannot be found is said. */
function chooseColumns(given: ColumnMapping | null, format: LedgerFormat, file: string, lang: Lang): { ok: true; columns: ColumnMapping | null } | Refusal {
  // An .xlsx file's headers are known only once its sheet is read; the reader checks them there.
  if (format.headers.length === 0) return { ok: true, columns: given };
  const columns = given ?? suggestColumns(format.headers);
  const problems = columnProblems(columns, format.headers);
  return problems.length === 0 ? { ok: true, columns } : columnRefusal(problems, columns, format.headers, file, lang);
}

function columnRefusal(problems: { field: LedgerField; code: ColumnProblemCode }[], columns: ColumnMapping, headers: string[], file: string, lang: Lang): Refusal {
  const messages = problems.map((p) => `${file}: ${text(lang, `cli.screen.column.${p.code}`, { field: p.field, header: columns[p.field] ?? "" })}`);
  messages.push(`${file}: ${text(lang, "cli.screen.column.headers", { headers: headers.map((h) => `«${h}»`).join(", ") })}`);
  return { ok: false, messages };
}

/** Progress on stderr: in place on a terminal; otherwise a line at each further tenth of the file. */
function progressReporter(options: ScreenOptions, io: Io) {
  let lastTenth = 0;
  const line = (p: ImportProgress) => {
    const lines = formatNumber(p.lines, options.lang, 0);
    if (p.bytesTotal === null || p.bytesTotal === 0) return text(options.lang, "cli.screen.progress-lines", { lines });
    return text(options.lang, "cli.screen.progress", { lines, percent: formatNumber(Math.min(100, Math.floor((p.bytesRead / p.bytesTotal) * 100)), options.lang, 0) });
  };
  return {
    report(p: ImportProgress): void {
      if (options.terminal) return options.terminal.write(`\r${line(p)}`);
      const tenth = p.bytesTotal ? Math.floor((p.bytesRead / p.bytesTotal) * 10) : 0;
      if (tenth > lastTenth) {
        lastTenth = tenth;
        io.err(line(p));
      }
    },
    /** The end of the file: the count of lines read at 100 %, unless that line is out already. */
    done(read: number | null): void {
      const final = read === null || lastTenth >= 10 ? null : line({ bytesRead: 1, bytesTotal: 1, lines: read });
      if (options.terminal) options.terminal.write(`${final === null ? "" : `\r${final}`}\n`);
      else if (final !== null) io.err(final);
    },
  };
}

export async function screenCommand(options: ScreenOptions, io: Io): Promise<number> {
  const { file, lang } = options;
  const refuse = (r: Refusal) => (r.messages.forEach((m) => io.err(m)), 2);
  if (!file) return io.err(text(lang, "cli.usage")), 2;
  const set = loadScreeningFactors();
  let rules: MappingRule[] = [];
  if (options.mapping !== undefined) {
    const found = mappingRulesFrom(options.mapping, set, lang);
    if (!found.ok) return refuse(found);
    rules = found.rules;
  }
  let given: ColumnMapping | null = null;
  if (options.columns !== undefined) {
    const found = columnsFrom(options.columns, lang);
    if (!found.ok) return refuse(found);
    given = found.columns;
  }
  const inspected = await inspect(file, lang);
  if (!inspected.ok) return refuse(inspected);
  const chosen = chooseColumns(given, inspected.format, file, lang);
  if (!chosen.ok) return refuse(chosen);

  const totals = new ScreeningTotals(compileMapping(defaultMapping(), rules), set);
  const progress = progressReporter(options, io);
  const brokenLines: BrokenLine[] = [];
  let brokenCount = 0;
  let outcome: { format: LedgerFormat; read: number };
  try {
    const reader = readLedger(createReadStream(file), { fileName: basename(file), columns: chosen.columns, bytesTotal: inspected.size, onProgress: (p) => progress.report(p) });
    for (;;) {
      const next = await reader.next();
      if (next.done) {
        outcome = next.value;
        break;
      }
      for (const line of next.value.lines) totals.add(line);
      brokenCount += next.value.broken.length;
      for (const b of next.value.broken) if (brokenLines.length < KEPT_BROKEN_LINES) brokenLines.push(b);
    }
  } catch (error) {
    progress.done(null);
    if (error instanceof LedgerFileError) return refuse({ ok: false, messages: [text(lang, `cli.screen.${error.problem}`, { file })] });
    if (error instanceof LedgerColumnsError) return refuse(columnRefusal(error.problems, chosen.columns ?? {}, error.headers, file, lang));
    return refuse({ ok: false, messages: [text(lang, "cli.screen.read-failed", { file, detail: (error as Error).message })] });
  }
  progress.done(outcome.read);
  const result = totals.result(lang);
  if (options.format === "table") io.out(screeningTable(file, result, { count: brokenCount, lines: brokenLines }, lang));
  else io.out(JSON.stringify({ ...result, import: { file: basename(file), format: outcome.format, read: outcome.read, broken: brokenCount }, brokenLines }, null, 2));
  return 0;
}

/** `kalkyle screen` from the parsed command line; `terminal` when stderr is one (the process entry passes it). */
export function screenFromArgs(args: CliArgs, io: Io, env: NodeJS.ProcessEnv, terminal?: ScreenOptions["terminal"]): Promise<number> {
  const { values, positionals } = args;
  const lang = chosenLang(values.lang, env);
  if (values.format !== "json" && values.format !== "table") return Promise.resolve((io.err(text(lang, "cli.bad-format")), 2));
  return screenCommand({ file: positionals[1], mapping: values.mapping, columns: values.columns, format: values.format, lang, terminal }, io);
}
