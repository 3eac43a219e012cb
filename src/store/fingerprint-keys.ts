/**
 * The fingerprints an organisation already holds, as the SQLite store's
 * import checks them (sqlite-climate.ts): a set of 64-bit keys instead of
 * a UNIQUE index, because a unique index on random SHA-1 digests costs a
 * B-tree page visit at a random place per line (about 28 s of CPU for a
 * million lines, against about 3 s for appending the same rows).
 *
 * A key is 64 of the 66 bits in the first 11 base64url characters of a
 * fingerprint (ledger/fingerprint.ts: a 27-character SHA-1 digest), kept
 * as two 32-bit halves in an open-addressing table (linear probing, at
 * most half full, doubling when it fills): 16 bytes a key at worst, so a
 * million fingerprints take 16 to 32 MB. Two different lines sharing a
 * key would make the second counted as a duplicate; with n keys the
 * chance that any two share one is about n² / 2^65: about 3 in 100
 * million at a million lines.
 *
 * Example: const keys = new FingerprintKeys(); keys.add(fp) === true; keys.add(fp) === false
 */

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const SIXBITS = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64URL.length; i++) SIXBITS[BASE64URL.charCodeAt(i)] = i;

/** The six bits of character `i` of a fingerprint; throws on anything that is not a base64url digest. */
function sixBits(fingerprint: string, i: number): number {
  const bits = SIXBITS[fingerprint.charCodeAt(i)] ?? -1;
  if (bits < 0) throw new Error(`not a base64url fingerprint: ${JSON.stringify(fingerprint)}`);
  return bits;
}

export class FingerprintKeys {
  #high = new Uint32Array(1 << 12);
  #low = new Uint32Array(1 << 12);
  #size = 0;
  /** The key 0:0 marks an empty slot, so it is kept aside. */
  #hasZero = false;

  /** How many keys are held. */
  get size(): number {
    return this.#size + (this.#hasZero ? 1 : 0);
  }

  /** Adds the fingerprint's key: true when it was not held yet (a new line), false when it was (a duplicate). */
  add(fingerprint: string): boolean {
    if (fingerprint.length < 11) throw new Error(`not a base64url fingerprint: ${JSON.stringify(fingerprint)}`);
    // Characters 0–4 (30 bits) and the top 2 bits of character 5 make the high half; its low 4 bits, characters 6–9 and the top 4 bits of character 10 the low half.
    let high = 0;
    for (let i = 0; i < 5; i++) high = (high << 6) | sixBits(fingerprint, i);
    const fifth = sixBits(fingerprint, 5);
    high = ((high << 2) | (fifth >>> 4)) >>> 0;
    let low = fifth & 15;
    for (let i = 6; i < 10; i++) low = (low << 6) | sixBits(fingerprint, i);
    low = ((low << 4) | (sixBits(fingerprint, 10) >>> 2)) >>> 0;
    if (high === 0 && low === 0) {
      if (this.#hasZero) return false;
      this.#hasZero = true;
      return true;
    }
    if (this.#size * 2 >= this.#high.length) this.#grow();
    return this.#insert(high, low);
  }

  #insert(high: number, low: number): boolean {
    const mask = this.#high.length - 1;
    let at = low & mask;
    for (;;) {
      const h = this.#high[at]!;
      const l = this.#low[at]!;
      if (h === high && l === low) return false;
      if (h === 0 && l === 0) {
        this.#high[at] = high;
        this.#low[at] = low;
        this.#size++;
        return true;
      }
      at = (at + 1) & mask;
    }
  }

  #grow() {
    const high = this.#high;
    const low = this.#low;
    this.#high = new Uint32Array(high.length * 2);
    this.#low = new Uint32Array(high.length * 2);
    this.#size = 0;
    for (let i = 0; i < high.length; i++) if (high[i] !== 0 || low[i] !== 0) this.#insert(high[i]!, low[i]!);
  }
}
