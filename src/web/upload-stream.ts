/**
 * An uploaded body handed on as it arrives, never held whole: the chunks
 * of a request (or of a multipart file part) as an async iterable that
 * refuses to go past a size limit (UploadTooLargeError, a 413 for the
 * route) and keeps the first bytes, so a refused import can still say
 * what the file's columns were. Read without destroying the request when
 * the reader stops early: the route must still be able to answer on the
 * same connection.
 */
import type { Readable } from "node:stream";

/** How much of the head is kept for a second look (the application layer inspects the same amount). */
export const HEAD_BYTES = 64 * 1024;

export class UploadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`upload larger than ${limitBytes} bytes`);
    this.name = "UploadTooLargeError";
  }
}

export type LimitedUpload = {
  /** The chunks as they arrive; throws UploadTooLargeError once more than the limit has come. */
  chunks: AsyncIterable<Buffer>;
  /** The first HEAD_BYTES bytes seen so far. */
  head(): Buffer;
};

export function limitedUpload(source: Readable, limitBytes: number): LimitedUpload {
  const kept: Buffer[] = [];
  let keptBytes = 0;
  async function* chunks(): AsyncIterable<Buffer> {
    let received = 0;
    // destroyOnReturn: false, so a reader that stops early (a refused file) leaves the request to be answered
    for await (const chunk of source.iterator({ destroyOnReturn: false })) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      received += buffer.length;
      if (received > limitBytes) throw new UploadTooLargeError(limitBytes);
      if (keptBytes < HEAD_BYTES) {
        const part = buffer.subarray(0, HEAD_BYTES - keptBytes);
        kept.push(part);
        keptBytes += part.length;
      }
      yield buffer;
    }
  }
  return { chunks: chunks(), head: () => Buffer.concat(kept) };
}

/** The body's declared length, or null when the client did not say (chunked). */
export function declaredLength(header: string | undefined): number | null {
  if (header === undefined || !/^\d+$/.test(header)) return null;
  return Number(header);
}
