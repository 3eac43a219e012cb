/**
 * A ledger's bytes as the climate API receives them: never held whole.
 * The API is mounted before every body parser, so the request is still
 * unread here; `ledgerBody` checks the type (text/csv in any character set,
 * or an .xlsx workbook; anything else 415 before a byte is read) and the
 * declared length (over LEDGER_API_LIMIT_BYTES: 413 at once), then leaves
 * `req.body` as a LedgerUpload whose chunks are read only when the import
 * reads them, counted as they come (past the limit: LedgerTooLargeError).
 * A request whose body was not read to its end is answered with
 * `Connection: close` (closeUnlessRead), so nothing is drained from a
 * client still sending.
 *
 * The type decides only what is accepted and the file's default name: the
 * reader tells a workbook from a CSV file, and the encoding, by the bytes.
 *
 * Example: `Content-Type: text/csv; charset=windows-1252` → req.body.chunks
 * yields the file as it arrives; the reader detects the encoding itself.
 */
import type { Request, RequestHandler, Response } from "express";

/** The most one upload may send: a ledger of several million lines, far past the 1,000,000 the screening is built for. */
export const LEDGER_API_LIMIT_MB = 500;
export const LEDGER_API_LIMIT_BYTES = LEDGER_API_LIMIT_MB * 1024 * 1024;
/** What the inspection reads of a body: the head the application layer inspects. */
export const LEDGER_HEAD_BYTES = 64 * 1024;

export const LEDGER_MEDIA_TYPES = { "text/csv": "csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx" } as const;
export type LedgerKind = (typeof LEDGER_MEDIA_TYPES)[keyof typeof LEDGER_MEDIA_TYPES];

export class LedgerTooLargeError extends Error {
  constructor() {
    super(`ledger larger than ${LEDGER_API_LIMIT_BYTES} bytes`);
    this.name = "LedgerTooLargeError";
  }
}

/** The request's Content-Type is not a ledger's. */
export class LedgerMediaTypeError extends Error {
  constructor() {
    super("not a ledger's media type");
    this.name = "LedgerMediaTypeError";
  }
}

export type LedgerUpload = {
  kind: LedgerKind;
  /** The body's bytes as they arrive; throws LedgerTooLargeError once more than the limit has come. */
  chunks: AsyncIterable<Buffer>;
  /** The declared Content-Length, or null when the body is sent in chunks. */
  bytesTotal: number | null;
  /** The first `size` bytes (or the whole of a shorter body); the rest is left unread. */
  head(size: number): Promise<Buffer>;
  /** Whether the body was read to its end. */
  finished(): boolean;
  /** Whether more than the limit came: the answer is 413 whatever a reader made of the error (a workbook's reader calls it unreadable). */
  tooLarge(): boolean;
};

export function isLedgerUpload(value: unknown): value is LedgerUpload {
  return typeof value === "object" && value !== null && (value as { chunks?: unknown }).chunks !== undefined && typeof (value as { head?: unknown }).head === "function";
}

/** The media type without its parameters, lower-case ("text/csv; charset=utf-8" → "text/csv"). */
const mediaTypeOf = (header: string | undefined) => (header ?? "").split(";")[0]!.trim().toLowerCase();

function declaredLength(header: string | undefined): number | null {
  return header !== undefined && /^\d{1,16}$/.test(header) ? Number(header) : null;
}

function upload(req: Request, kind: LedgerKind, bytesTotal: number | null, limitBytes: number): LedgerUpload {
  let done = false;
  let over = false;
  async function* read(): AsyncIterable<Buffer> {
    let received = 0;
    // destroyOnReturn: false, so a reader that stops early leaves the request to be answered
    for await (const chunk of req.iterator({ destroyOnReturn: false })) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      received += buffer.length;
      if (received > limitBytes) {
        over = true;
        throw new LedgerTooLargeError();
      }
      yield buffer;
    }
    done = true;
  }
  const chunks = read();
  async function head(size: number): Promise<Buffer> {
    const kept: Buffer[] = [];
    let length = 0;
    for await (const chunk of chunks) {
      kept.push(chunk);
      length += chunk.length;
      if (length >= size) break;
    }
    return Buffer.concat(kept).subarray(0, size);
  }
  return { kind, chunks, bytesTotal, head, finished: () => done, tooLarge: () => over };
}

/** Checks the type and the declared length, and leaves the body unread as `req.body` (a LedgerUpload of at most `limitBytes`). */
export const ledgerBodyWithin = (limitBytes: number): RequestHandler => (req, res, next) => {
  const kind = (LEDGER_MEDIA_TYPES as Record<string, LedgerKind>)[mediaTypeOf(req.headers["content-type"])];
  if (kind === undefined) {
    res.set("Connection", "close");
    return next(new LedgerMediaTypeError());
  }
  const bytesTotal = declaredLength(req.headers["content-length"]);
  if (bytesTotal !== null && bytesTotal > limitBytes) {
    res.set("Connection", "close");
    return next(new LedgerTooLargeError());
  }
  req.body = upload(req, kind, bytesTotal, limitBytes);
  next();
};

export const ledgerBody = ledgerBodyWithin(LEDGER_API_LIMIT_BYTES);

/** After an answer that left the body unread (a refusal, an inspection of the head): close the connection rather than drain the rest. */
export function closeUnlessRead(req: Request, res: Response): void {
  if (!res.headersSent && isLedgerUpload(req.body) && !req.body.finished()) res.set("Connection", "close");
}
