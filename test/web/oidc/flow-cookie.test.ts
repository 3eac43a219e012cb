import type { Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { FLOW_COOKIE, readFlow, writeFlow, type Flow } from "../../../src/web/oidc/flow-cookie.js";

const key = Buffer.alloc(32, 7);
const flow: Flow = { state: "s", nonce: "n", verifier: "v", next: "/cases/1", redirectUri: "https://k.no/login/oidc/callback", expiresAt: 1_000_600_000 };

/** The Set-Cookie header writeFlow gives, and a request carrying `value` as the cookie. */
function written(): string {
  const headers: string[] = [];
  writeFlow({ append: (_name: string, value: string) => headers.push(value) } as unknown as Response, flow, { key, secure: true });
  return headers[0]!;
}
const carrying = (value: string) => ({ headers: { cookie: `${FLOW_COOKIE}=${value}` } }) as unknown as Request;
const valueOf = (header: string) => header.slice(FLOW_COOKIE.length + 1, header.indexOf(";"));

describe("the cookie that keeps a sign-in in progress", () => {
  it("is HttpOnly, SameSite=Lax, Secure over HTTPS, limited to /login/oidc and ten minutes", () => {
    expect(written()).toMatch(/Max-Age=600/);
    expect(written()).toMatch(/Path=\/login\/oidc/);
    expect(written()).toMatch(/HttpOnly/);
    expect(written()).toMatch(/Secure/);
    expect(written()).toMatch(/SameSite=Lax/);
  });

  it("reads back what was written, until it expires", () => {
    const value = valueOf(written());
    expect(readFlow(carrying(value), { key, now: flow.expiresAt - 1 })).toEqual(flow);
    expect(readFlow(carrying(value), { key, now: flow.expiresAt })).toBeNull();
  });

  it("an altered payload, another key's signature or no cookie reads as nothing", () => {
    const [payload, signature] = valueOf(written()).split(".");
    const altered = Buffer.from(JSON.stringify({ ...flow, next: "https://evil.example/" })).toString("base64url");
    expect(readFlow(carrying(`${altered}.${signature}`), { key, now: 0 })).toBeNull();
    expect(readFlow(carrying(`${payload}.${signature}`), { key: Buffer.alloc(32, 8), now: 0 })).toBeNull();
    expect(readFlow({ headers: {} } as unknown as Request, { key, now: 0 })).toBeNull();
  });
});
