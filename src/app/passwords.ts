/**
 * Passwords: scrypt (node:crypto) with a random 16-byte salt per user and
 * the parameters written into the hash string, so they can be raised
 * later without breaking the hashes already stored:
 *   scrypt$N=65536,r=8,p=1$<salt, base64url>$<key, base64url>
 * A password is at least 8 characters, at most 256 (long passphrases are
 * welcome; the bound only keeps one login from costing much), and not one
 * of the most common passwords (the list of @zxcvbn-ts/language-common,
 * see docs/decisions.md).
 *
 * Example: checkPassword("password1") → "common"; checkPassword("kort") → "too-short"
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** N = 2^16, r = 8, p = 1: 64 MiB and about a tenth of a second a hash here (docs/decisions.md). */
const PARAMETERS = { N: 65_536, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

const COMMON = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));

export type PasswordProblem = "too-short" | "too-long" | "common";

/** What is wrong with a new password, or null. Length in characters (code points), so æøå count once. */
export function checkPassword(password: string, context: { email?: string; name?: string } = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return "too-short";
  if (length > PASSWORD_MAX) return "too-long";
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "common";
  const own = [context.email?.trim().toLowerCase(), context.email?.trim().toLowerCase().split("@")[0], context.name?.trim().toLowerCase()];
  if (own.some((text) => text && text.length > 0 && lower === text)) return "common";
  return null;
}

function derive(password: string, salt: Buffer, options: ScryptOptions & { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: 128 × N × r bytes, with room to spare
    scrypt(password.normalize("NFC"), salt, KEY_BYTES, { ...options, maxmem: 256 * options.N * options.r }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMETERS);
  return `scrypt$N=${PARAMETERS.N},r=${PARAMETERS.r},p=${PARAMETERS.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

const HASH = /^scrypt\$N=(\d{1,8}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9_-]{16,64})\$([A-Za-z0-9_-]{16,128})$/;

/** Whether `password` matches `hash`; false for a hash that is missing or not ours. Compared in constant time. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const parts = hash ? HASH.exec(hash) : null;
  if (!parts) {
    // The same work as a real check, so the answer's time does not tell whether the account exists.
    await derive(password, randomBytes(16), PARAMETERS);
    return false;
  }
  const [, N, r, p, salt, key] = parts;
  const expected = Buffer.from(key!, "base64url");
  const actual = await derive(password, Buffer.from(salt!, "base64url"), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A password for the first administrator when none is given: 24 characters from 144 random bits. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
