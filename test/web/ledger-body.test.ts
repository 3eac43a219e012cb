/**
 * The climate API's ledger body (src/web/api/ledger-body.ts) on a request
 * stream of our own: the type decides what is accepted, a declared length
 * over the limit is refused unread, a chunked body is refused as soon as
 * it passes the limit (and says so, whatever a reader makes of the
 * error), the head is read without the rest.
 */
import type { Request, Response } from "express";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { closeUnlessRead, ledgerBodyWithin, LedgerMediaTypeError, LedgerTooLargeError, type LedgerUpload } from "../../src/web/api/ledger-body.js";

const LIMIT = 100;

/** A request whose body comes in the given chunks, and what the middleware made of it. */
function receive(chunks: Buffer[], headers: Record<string, string>): { req: Request; res: Response & { headers: Record<string, string> }; error: unknown; stream: Readable } {
  const stream = Readable.from(chunks);
  const req = Object.assign(stream, { headers }) as unknown as Request;
  const sent: Record<string, string> = {};
  const res = { headers: sent, headersSent: false, set: (name: string, value: string) => void (sent[name] = value) } as unknown as Response & { headers: Record<string, string> };
  let error: unknown = "next was not called";
  ledgerBodyWithin(LIMIT)(req, res, (e?: unknown) => (error = e));
  return { req, res, error, stream };
}

async function readAll(upload: LedgerUpload): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of upload.chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

const bytes = (n: number, fill = 0x41) => Buffer.alloc(n, fill);

describe("the ledger body", () => {
  it("takes text/csv in any character set and the .xlsx type, each with its kind, and nothing is read before the import reads it", async () => {
    for (const [type, kind] of [["text/csv", "csv"], ["TEXT/CSV; charset=windows-1252", "csv"], ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"]] as const) {
      const { req, error, stream } = receive([bytes(10), bytes(20)], { "content-type": type, "content-length": "30" });
      expect(error, type).toBeUndefined();
      const upload = req.body as LedgerUpload;
      expect([upload.kind, upload.bytesTotal]).toEqual([kind, 30]);
      expect(stream.readableDidRead).toBe(false);
      expect((await readAll(upload)).length).toBe(30);
      expect([upload.finished(), upload.tooLarge()]).toEqual([true, false]);
    }
  });

  it("refuses any other type, or none, with LedgerMediaTypeError and closes the connection", () => {
    for (const type of ["application/json", "text/plain", "multipart/form-data; boundary=x", "application/octet-stream", "text/csvx", ""]) {
      const { error, res } = receive([bytes(10)], type === "" ? {} : { "content-type": type });
      expect(error, type).toBeInstanceOf(LedgerMediaTypeError);
      expect(res.headers.Connection).toBe("close");
    }
  });

  it("refuses a declared length over the limit before reading a byte", () => {
    const { error, res, stream } = receive([bytes(LIMIT + 1)], { "content-type": "text/csv", "content-length": String(LIMIT + 1) });
    expect(error).toBeInstanceOf(LedgerTooLargeError);
    expect(res.headers.Connection).toBe("close");
    expect(stream.readableDidRead).toBe(false);
  });

  it("a chunked body: the chunks up to the limit, then LedgerTooLargeError, and tooLarge() says so afterwards", async () => {
    const { req, error } = receive([bytes(60), bytes(40), bytes(1), bytes(50)], { "content-type": "text/csv" });
    expect(error).toBeUndefined();
    const upload = req.body as LedgerUpload;
    expect(upload.bytesTotal).toBeNull();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const chunk of upload.chunks) seen.push(chunk.length);
      })(),
    ).rejects.toBeInstanceOf(LedgerTooLargeError);
    expect(seen).toEqual([60, 40]);
    expect([upload.finished(), upload.tooLarge()]).toEqual([false, true]);
  });

  it("exactly the limit is taken", async () => {
    const { req } = receive([bytes(LIMIT)], { "content-type": "text/csv" });
    expect((await readAll(req.body as LedgerUpload)).length).toBe(LIMIT);
  });

  it("the head: the first bytes only, the rest left unread, and the answer then closes the connection", async () => {
    const { req, res } = receive([Buffer.from("abc"), Buffer.from("defgh"), Buffer.from("ijk")], { "content-type": "text/csv" });
    const upload = req.body as LedgerUpload;
    expect((await upload.head(5)).toString()).toBe("abcde");
    expect(upload.finished()).toBe(false);
    closeUnlessRead(req, res);
    expect(res.headers.Connection).toBe("close");
    const short = receive([Buffer.from("ab")], { "content-type": "text/csv" });
    expect((await (short.req.body as LedgerUpload).head(5)).toString()).toBe("ab");
    closeUnlessRead(short.req, short.res);
    expect(short.res.headers.Connection).toBeUndefined();
  });
});
