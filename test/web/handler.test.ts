import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Request, Response } from "express";
import { ForbiddenError } from "../../src/app/errors.js";
import type { Principal } from "../../src/app/principal.js";
import { listQuerySchema } from "../../src/web/api/list-query.js";
import type { AppContext } from "../../src/web/context.js";
import { HttpError } from "../../src/web/errors.js";
import { handlers } from "../../src/web/handler.js";

const buyer: Principal = { userId: "u1", organisationId: "o1", role: "buyer", via: "api" };
const adviser: Principal = { ...buyer, role: "adviser" };

function request(principal: Principal, query: Record<string, unknown> = {}): Request {
  return { principal, params: {}, query, headers: {}, body: undefined } as unknown as Request;
}

function response() {
  const sent: { status: number; headers: Record<string, string>; body?: unknown } = { status: 200, headers: {} };
  const res = {
    status(code: number) { sent.status = code; return res; },
    set(headers: Record<string, string>) { Object.assign(sent.headers, headers); return res; },
    json(body: unknown) { sent.body = body; return res; },
  };
  return { res: res as unknown as Response, sent };
}

const handler = handlers({ app: {} } as unknown as AppContext);
const listing = handler({
  input: z.object({ query: listQuerySchema }),
  permission: "case.create",
  call: async (_app, principal, { query }) => ({ who: principal.userId, ...query }),
  respond: { status: 201, json: (r) => r, headers: () => ({ ETag: '"1"' }) },
});
const run = (req: Request, res: Response) => (listing as unknown as (req: Request, res: Response) => Promise<void>)(req, res);

describe("a declared handler", () => {
  it("asks the policy before it reads the input: an adviser's bad query is 403, not 400", async () => {
    await expect(run(request(adviser, { limit: "x" }), response().res)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("names every problem at its path without the part of the request it came from", async () => {
    const error = await run(request(buyer, { limit: "x", offset: "2000000" }), response().res).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    expect((error as HttpError).problems).toEqual([
      { path: "limit", code: "integer", params: {} },
      { path: "offset", code: "too-big", params: { max: "1000000" } },
    ]);
  });

  it("calls with the parsed input and answers JSON with its status and headers", async () => {
    const { res, sent } = response();
    await run(request(buyer, { q: "stol", limit: "10" }), res);
    expect(sent).toEqual({ status: 201, headers: { ETag: '"1"' }, body: { who: "u1", search: "stol", limit: 10, offset: 0 } });
  });
});
