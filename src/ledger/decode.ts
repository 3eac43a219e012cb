/**
 * A ledger's bytes as text, chunk by chunk: UTF-8 (with or without a BOM)
 * or Windows-1252, which Norwegian Excel writes for "CSV (semikolonseparert)".
 *
 * The encoding is decided at the first byte above 0x7F, since until then
 * both readings are the same: a valid UTF-8 sequence there means UTF-8,
 * anything else Windows-1252. A file whose head is plain ASCII is thus
 * still read right when its first "ø" comes a megabyte later.
 *
 * Node 20's TextDecoder("windows-1252") decodes 0x80–0x9F as the C1
 * controls (Latin-1), not as WHATWG's windows-1252 (0x80 is "€", 0x96 "–"),
 * so those 32 bytes go through our own table; the rest of Windows-1252 is
 * Latin-1. A character split across two chunks is joined (TextDecoder with
 * `stream: true`; Windows-1252 has one byte per character).
 *
 * Example: const d = new LedgerDecoder(); d.write(chunk) + d.end() → the text
 */
import { isAscii, isUtf8 } from "node:buffer";

export type LedgerEncoding = "utf-8" | "utf-8-bom" | "windows-1252";
export type LedgerDelimiter = ";" | "," | "\t";

/** WHATWG windows-1252 for 0x80–0x9F (the five undefined bytes keep their C1 code, as WHATWG does). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((c) => String.fromCharCode(c));

const C1 = /[\u0080-\u009f]/g;

/** Windows-1252 bytes as text. */
export function decodeWindows1252(bytes: Buffer): string {
  const latin1 = bytes.toString("latin1");
  return C1.test(latin1) ? latin1.replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) : latin1;
}

const BOM = [0xef, 0xbb, 0xbf];
export const hasUtf8Bom = (head: Uint8Array) => head.length >= 3 && BOM.every((b, i) => head[i] === b);

/**
 * The encoding the first bytes show: a BOM, else UTF-8 if the bytes are
 * valid UTF-8 (an incomplete sequence at the very end is allowed: the head
 * may cut a character), else Windows-1252.
 */
export function detectEncoding(head: Uint8Array): LedgerEncoding {
  if (hasUtf8Bom(head)) return "utf-8-bom";
  return isUtf8(trimPartialSequence(head)) ? "utf-8" : "windows-1252";
}

/** `bytes` without an incomplete UTF-8 sequence at its end (at most 3 bytes). */
function trimPartialSequence(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}

/** Streaming decoder: `write` each chunk, then `end`; `encoding` is decided at the first non-ASCII byte. */
export class LedgerDecoder {
  #encoding: LedgerEncoding | null = null;
  #bom: boolean | null = null;
  #utf8: TextDecoder | null = null;
  #pending: Buffer | null = null;

  /** The encoding found so far: "utf-8" while every byte has been ASCII. */
  get encoding(): LedgerEncoding {
    return this.#encoding ?? (this.#bom ? "utf-8-bom" : "utf-8");
  }

  write(chunk: Buffer): string {
    let bytes = this.#pending ? Buffer.concat([this.#pending, chunk]) : chunk;
    this.#pending = null;
    if (this.#bom === null) {
      if (bytes.length < 3 && BOM.slice(0, bytes.length).every((b, i) => bytes[i] === b)) {
        this.#pending = bytes;
        return "";
      }
      this.#bom = hasUtf8Bom(bytes);
      if (this.#bom) {
        this.#encoding = "utf-8-bom";
        bytes = bytes.subarray(3);
      }
    }
    return this.#decode(bytes, false);
  }

  end(): string {
    const rest = this.#pending ?? Buffer.alloc(0);
    this.#pending = null;
    if (this.#bom === null) this.#bom = false;
    return this.#decode(rest, true);
  }

  #decode(bytes: Buffer, last: boolean): string {
    if (this.#encoding === null) {
      if (isAscii(bytes)) return bytes.toString("latin1");
      const firstHigh = bytes.findIndex((b) => b > 0x7f);
      // decide on the rest of this chunk (a sequence cut by the chunk's end is allowed unless it is the last)
      const rest = bytes.subarray(firstHigh);
      const whole = last ? rest : trimPartialSequence(rest);
      if (whole.length === 0) {
        // only a cut sequence so far: wait for the next chunk to decide
        this.#pending = Buffer.from(rest);
        return bytes.subarray(0, firstHigh).toString("latin1");
      }
      this.#encoding = isUtf8(whole) ? "utf-8" : "windows-1252";
    }
    if (this.#encoding === "windows-1252") return decodeWindows1252(bytes);
    this.#utf8 ??= new TextDecoder("utf-8", { ignoreBOM: true });
    return this.#utf8.decode(bytes, { stream: !last });
  }
}

/**
 * The delimiter of a header line: the most frequent of `;`, tab and `,`
 * outside quotes; a tie goes to `;` (Norwegian Excel), then tab. A header
 * with none of them is one column, read as `;`.
 *
 * Example: detectDelimiter('År;Konto;"Beløp, NOK"') → ";"
 */
export function detectDelimiter(headerLine: string): LedgerDelimiter {
  let semicolons = 0;
  let tabs = 0;
  let commas = 0;
  let quoted = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 59) semicolons++;
    else if (c === 9) tabs++;
    else if (c === 44) commas++;
  }
  if (semicolons >= tabs && semicolons >= commas) return ";";
  return tabs >= commas ? "\t" : ",";
}
