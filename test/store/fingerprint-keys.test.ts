/**
 * The SQLite import's set of fingerprint keys: a key is new once, however
 * far the table has grown; fingerprints that differ only after their 11th
 * character share a key (the documented limit); the all-zero key is kept
 * like any other; anything not a base64url digest is refused.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FingerprintKeys } from "../../src/store/fingerprint-keys.js";

const fp = (n: number) => createHash("sha1").update(`line ${n}`).digest("base64url");

describe("FingerprintKeys", () => {
  it("adds 100 000 digests once each through many doublings and finds every one again", () => {
    const keys = new FingerprintKeys();
    for (let n = 0; n < 100_000; n++) expect(keys.add(fp(n))).toBe(true);
    expect(keys.size).toBe(100_000);
    let again = 0;
    for (let n = 0; n < 100_000; n++) if (!keys.add(fp(n))) again++;
    expect(again).toBe(100_000);
    expect(keys.add(fp(100_000))).toBe(true);
  });

  it("keys on the first 11 characters (64 of their 66 bits) and keeps the all-zero key", () => {
    const keys = new FingerprintKeys();
    expect(keys.add("AAAAAAAAAAAxxxxxxxxxxxxxxxx")).toBe(true);
    expect(keys.add("AAAAAAAAAAByyyyyyyyyyyyyyyy")).toBe(false); // the 11th character's low 2 bits are not kept
    expect(keys.add("AAAAAAAAAAEyyyyyyyyyyyyyyyy")).toBe(true);
    expect(keys.add("abcdefghijk0000000000000000")).toBe(true);
    expect(keys.add("abcdefghijk1111111111111111")).toBe(false);
    expect(keys.size).toBe(3);
  });

  it("refuses a fingerprint that is not a base64url digest", () => {
    const keys = new FingerprintKeys();
    expect(() => keys.add("short")).toThrow(/not a base64url fingerprint/);
    expect(() => keys.add("abc+/defghijklmnop")).toThrow(/not a base64url fingerprint/);
  });
});
