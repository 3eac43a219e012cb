/**
 * Sessions for anonymous users, kept in the store (never in process memory,
 * so several app processes can share one database). A session holds the
 * CSRF token and the language choice; it is written only when it changes.
 */
import { parseCookie, stringifySetCookie } from "cookie";
import { randomBytes } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import type { SessionData, SessionStore } from "../store/store.js";

export const SESSION_COOKIE = "kalkyle_sid";
const LIFETIME_MS = 180 * 24 * 3600 * 1000;
const ID = /^[A-Za-z0-9_-]{43}$/;

declare module "express-serve-static-core" {
  interface Request {
    session: SessionData;
    sessionId?: string;
  }
}

export type SessionOptions = { secureCookie: boolean; now?: () => number };

export function sessionMiddleware(store: SessionStore, options: SessionOptions): RequestHandler {
  const now = options.now ?? Date.now;
  return async (req, _res, next) => {
    const cookie = parseCookie(req.headers.cookie ?? "")[SESSION_COOKIE];
    const data = cookie && ID.test(cookie) ? await store.load(cookie, now()) : null;
    req.session = data ?? {};
    if (data) req.sessionId = cookie;
    next();
  };
}

/** Persists the session (creating it and its cookie if new). */
export async function saveSession(store: SessionStore, req: Request, res: Response, options: SessionOptions): Promise<void> {
  const now = options.now ?? Date.now;
  const id = req.sessionId ?? randomBytes(32).toString("base64url");
  await store.save(id, req.session, now() + LIFETIME_MS);
  if (req.sessionId !== id) {
    req.sessionId = id;
    res.append("Set-Cookie", stringifySetCookie({ name: SESSION_COOKIE, value: id, httpOnly: true, sameSite: "lax", path: "/", secure: options.secureCookie, maxAge: LIFETIME_MS / 1000 }));
  }
}
