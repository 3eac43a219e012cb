/**
 * Sessions of signed-in users, kept in the store (never in process
 * memory, so several app processes can share one database). The cookie
 * holds a random 256-bit id; the database only its SHA-256, so a copy of
 * the database gives no one a session. A session is made at login (a new
 * id every time), ends at logout, after 8 hours without a request (idle)
 * and 7 days after login (absolute); expired rows are removed whenever a
 * session is made. A visitor who is not signed in has no session row:
 * their language is a cookie of its own (`kalkyle_lang`), and the one
 * form they can send (login, or the language switch) is protected by a
 * double-submit cookie (security.ts).
 */
import { parseCookie, stringifySetCookie } from "cookie";
import { randomBytes } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import type { Principal } from "../app/principal.js";
import { sha256Hex, type SessionData, type SessionStore } from "../store/accounts.js";
import type { Store } from "../store/store.js";
import { storeFailureOf } from "../store/errors.js";

export const SESSION_COOKIE = "kalkyle_sid";
export const LANG_COOKIE = "kalkyle_lang";
export const IDLE_MS = 8 * 3600 * 1000;
export const ABSOLUTE_MS = 7 * 24 * 3600 * 1000;
/** The time of last use is written at most this often (a write per request would be one per page view). */
const TOUCH_MS = 60 * 1000;
const ID = /^[A-Za-z0-9_-]{43}$/;

declare module "express-serve-static-core" {
  interface Request {
    session: SessionData;
    /** The session row's id (the hash of the cookie), when signed in. */
    sessionId?: string;
    principal?: Principal;
  }
}

export type SessionOptions = { secureCookie: boolean; now?: () => number };

const cookieOptions = (options: SessionOptions) => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure: options.secureCookie });

/** When a session last used at `seenAt` and made at `createdAt` expires: 8 h idle, 7 days at most. */
export function expiryOf(createdAt: number, seenAt: number): number {
  return Math.min(seenAt + IDLE_MS, createdAt + ABSOLUTE_MS);
}

export function sessionMiddleware(store: Store, options: SessionOptions): RequestHandler {
  const now = options.now ?? Date.now;
  return async (req, res, next) => {
    const cookies = parseCookie(req.headers.cookie ?? "");
    const cookie = cookies[SESSION_COOKIE];
    const at = now();
    const id = cookie && ID.test(cookie) ? sha256Hex(cookie) : undefined;
    const record = id ? await store.sessions.load(id, at) : null;
    const role = record ? await store.accounts.roleIn(record.userId, record.organisationId) : null;
    if (record && role) {
      req.session = record.data;
      req.sessionId = record.id;
      req.principal = { userId: record.userId, organisationId: record.organisationId, role, via: "web" };
      res.locals.userId = record.userId;
      if (at - record.seenAt > TOUCH_MS) {
        // A database that cannot take the write must not stop anyone reading.
        await store.sessions.update(record.id, { seenAt: at, expiresAt: expiryOf(record.createdAt, at) }).catch((error: unknown) => {
          if (storeFailureOf(error) !== "unavailable") throw error;
        });
      }
    } else {
      const lang = cookies[LANG_COOKIE];
      req.session = lang === "nb" || lang === "en" ? { lang } : {};
    }
    next();
  };
}

/** A new session for a user who has just logged in: a new id, the old session (if any) ended. The cookie's value is returned. */
export async function startSession(store: SessionStore, req: Request, res: Response, who: { userId: string; organisationId: string }, options: SessionOptions): Promise<string> {
  if (req.sessionId) await store.destroy(req.sessionId);
  const at = (options.now ?? Date.now)();
  const value = randomBytes(32).toString("base64url");
  const data: SessionData = req.session.lang ? { lang: req.session.lang } : {};
  await store.create({ id: sha256Hex(value), userId: who.userId, organisationId: who.organisationId, data, createdAt: at, seenAt: at, expiresAt: expiryOf(at, at) });
  res.append("Set-Cookie", stringifySetCookie({ name: SESSION_COOKIE, value, ...cookieOptions(options), maxAge: ABSOLUTE_MS / 1000 }));
  return value;
}

/** Ends the session: the row is deleted and the cookie cleared. */
export async function endSession(store: SessionStore, req: Request, res: Response, options: SessionOptions): Promise<void> {
  if (req.sessionId) await store.destroy(req.sessionId);
  req.sessionId = undefined;
  req.principal = undefined;
  res.append("Set-Cookie", stringifySetCookie({ name: SESSION_COOKIE, value: "", ...cookieOptions(options), maxAge: 0 }));
}

/** Keeps what changed in the session: in its row when signed in, else the language in its own cookie. */
export async function saveSession(store: SessionStore, req: Request, res: Response, options: SessionOptions): Promise<void> {
  if (req.sessionId) return store.update(req.sessionId, { data: req.session });
  if (req.session.lang) res.append("Set-Cookie", stringifySetCookie({ name: LANG_COOKIE, value: req.session.lang, ...cookieOptions(options), maxAge: 365 * 24 * 3600 }));
}

/** The session cookie as the request sent it, for a request the server makes as this user (the PDF's print view). */
export function sessionCookieOf(req: Request): { name: string; value: string }[] {
  const value = parseCookie(req.headers.cookie ?? "")[SESSION_COOKIE];
  return value ? [{ name: SESSION_COOKIE, value }] : [];
}
