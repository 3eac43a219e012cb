/**
 * What must survive from the redirect to the provider until the browser
 * comes back (state, nonce, PKCE verifier, where to go after, the
 * redirect URI used): no one is signed in yet, so there is no session row
 * for it. It travels in a short-lived cookie, HttpOnly, SameSite=Lax (the
 * provider's redirect back is a top-level GET, which carries it), limited
 * to /login/oidc and signed with HMAC-SHA256, so it cannot be altered or
 * kept beyond FLOW_MS. It is cleared when the browser comes back.
 */
import { parseCookie, stringifySetCookie } from "cookie";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";

export const FLOW_COOKIE = "kalkyle_oidc";
/** How long a sign-in at the provider may take. */
export const FLOW_MS = 10 * 60 * 1000;
const PATH = "/login/oidc";

export type Flow = { state: string; nonce: string; verifier: string; next: string; redirectUri: string; expiresAt: number };

const sign = (key: Buffer, payload: string) => createHmac("sha256", key).update(payload).digest("base64url");

export function writeFlow(res: Response, flow: Flow, options: { key: Buffer; secure: boolean }): void {
  const payload = Buffer.from(JSON.stringify(flow)).toString("base64url");
  const value = `${payload}.${sign(options.key, payload)}`;
  res.append("Set-Cookie", stringifySetCookie({ name: FLOW_COOKIE, value, httpOnly: true, sameSite: "lax", secure: options.secure, path: PATH, maxAge: FLOW_MS / 1000 }));
}

export function clearFlow(res: Response, options: { secure: boolean }): void {
  res.append("Set-Cookie", stringifySetCookie({ name: FLOW_COOKIE, value: "", httpOnly: true, sameSite: "lax", secure: options.secure, path: PATH, maxAge: 0 }));
}

/** The flow this browser started, or null when the cookie is missing, altered or expired. */
export function readFlow(req: Request, options: { key: Buffer; now: number }): Flow | null {
  const value = parseCookie(req.headers.cookie ?? "")[FLOW_COOKIE];
  const [payload, signature, extra] = (value ?? "").split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(options.key, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const flow = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Flow;
    return typeof flow.expiresAt === "number" && flow.expiresAt > options.now ? flow : null;
  } catch {
    return null;
  }
}
