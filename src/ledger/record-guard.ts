/**
 * Bounds each CSV record before csv-parse sees it, so that one bad line
 * neither stops the import nor fills the memory: csv-parse's own
 * `max_record_size` stops the parse (or, with `skip_records_with_error`,
 * drops the rest of the chunk), and an unclosed quote would make the rest
 * of the file one field.
 *
 * The guard follows the record boundaries the way csv-parse reads them
 * with `relax_quotes` (a quote opens a quoted field only at the field's
 * start; inside one, `""` is a quote and any other quote closes it; a
 * record ends at LF, CR LF or CR outside quotes) and passes on only whole
 * records. A record longer than MAX_LINE_LENGTH characters is replaced by
 * a marker record, and reading goes on at the next line break, quotes or
 * not; a quote still open at the end of the file gives the other marker.
 * Each marker is one field starting with NUL, which no real field holds
 * (a NUL in the file is read as U+FFFD), so the reader counts the marker
 * as the broken line it stands for and the line numbers stay right.
 *
 * Example: guard.push('a;"b\n') → ""  (the record is not whole yet); guard.push('c";d\n') → 'a;"b\nc";d\n'
 */
import { MAX_LINE_LENGTH } from "./ledger-line.js";

export const TOO_LONG_MARKER = "\u0000line-too-long";
export const UNCLOSED_MARKER = "\u0000quote-not-closed";

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;
const AFTER_CR = 4;
const SKIPPING = 5;

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class RecordGuard {
  readonly #delimiter: number;
  readonly #maxLength: number;
  #state = FIELD_START;
  #tail = "";

  constructor(delimiter: string, maxLength = MAX_LINE_LENGTH) {
    this.#delimiter = delimiter.charCodeAt(0);
    this.#maxLength = maxLength;
  }

  /** The whole records that `text` completes (with any earlier remainder); the rest is kept. */
  push(text: string): string {
    if (text.includes("\u0000")) text = text.replaceAll("\u0000", "\ufffd");
    const s = this.#tail === "" ? text : this.#tail + text;
    const out: string[] = [];
    let state = this.#state;
    let emitFrom = state === SKIPPING ? -1 : 0;
    let recordStart = 0;
    const delimiter = this.#delimiter;
    const max = this.#maxLength;
    let nextQuote = -2; // where the next quote is, from the last search (-1: none left)
    for (let i = this.#tail.length; i < s.length; i++) {
      // fast path: a whole line without a quote, from a record's start, is one record
      if (state === FIELD_START && i === recordStart) {
        const lineEnd = s.indexOf("\n", i);
        if (lineEnd >= 0 && lineEnd - i <= max) {
          if (nextQuote !== -1 && nextQuote < i) nextQuote = s.indexOf('"', i);
          if (nextQuote === -1 || nextQuote > lineEnd) {
            recordStart = lineEnd + 1;
            i = lineEnd;
            continue;
          }
        }
      }
      const c = s.charCodeAt(i);
      if (state === SKIPPING) {
        if (c === LF || c === CR) {
          out.push(TOO_LONG_MARKER, "\n");
          emitFrom = recordStart = i + 1;
          state = c === CR ? AFTER_CR : FIELD_START;
        }
        continue;
      }
      if (state === AFTER_CR) {
        state = FIELD_START;
        if (c === LF) {
          recordStart = i + 1;
          continue;
        }
      }
      if (i - recordStart > max) {
        if (emitFrom < recordStart) out.push(s.slice(emitFrom, recordStart));
        emitFrom = -1;
        state = c === LF || c === CR ? FIELD_START : SKIPPING;
        if (state === FIELD_START) {
          out.push(TOO_LONG_MARKER, "\n");
          emitFrom = recordStart = i + 1;
          if (c === CR) state = AFTER_CR;
        }
        continue;
      }
      switch (state) {
        case QUOTED:
          if (c === QUOTE) state = QUOTE_IN_QUOTED;
          break;
        case QUOTE_IN_QUOTED:
          if (c === QUOTE) {
            state = QUOTED;
            break;
          }
        // falls through: the quote closed the field; this character is read as outside quotes
        case FIELD_START:
        case UNQUOTED:
          if (c === LF || c === CR) {
            recordStart = i + 1;
            state = c === CR ? AFTER_CR : FIELD_START;
          } else if (c === delimiter) state = FIELD_START;
          else if (state === FIELD_START && c === QUOTE) state = QUOTED;
          else state = UNQUOTED;
          break;
      }
    }
    this.#state = state;
    if (state === SKIPPING) {
      this.#tail = "";
    } else {
      if (emitFrom >= 0 && emitFrom < recordStart) out.push(s.slice(emitFrom, recordStart));
      this.#tail = s.slice(recordStart);
    }
    return out.length === 1 ? out[0]! : out.join("");
  }

  /** The last record at the end of the file: as it is, or the unclosed-quote marker. */
  end(text = ""): string {
    const whole = this.push(text);
    const tail = this.#tail;
    this.#tail = "";
    if (this.#state === SKIPPING) return `${whole}${TOO_LONG_MARKER}\n`;
    if (this.#state === QUOTED) return `${whole}${UNCLOSED_MARKER}\n`;
    return whole + tail;
  }
}
