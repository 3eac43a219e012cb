/**
 * An evaluation as JSON text and back, so it can cross from a worker thread
 * to the server: decimals keep every digit ({"$d": "0.1"}), maps keep their
 * entries, and a factor set travels as its id and is found again in the
 * receiver's own library (sets are large and identical on both sides).
 * A plain object with a key that starts with "$" (an award's quality points
 * are keyed by the bids' ids, which users choose: a bid may be called "$d")
 * travels as its entries ({"$obj": [...]}), so it is never taken for one.
 */
import { Decimal } from "../core/decimal.js";
import type { FactorLibrary, FactorSet } from "../factors/factor-set.js";

type Encoded = { $d: string } | { $map: [unknown, unknown][] } | { $set: string } | { $obj: [string, unknown][] };

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;

export function encodeEvaluation(value: unknown, library: FactorLibrary): string {
  const sets = new Set<FactorSet>(library.sets.values());
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, json: unknown): unknown {
    // `this[key]` is the value before its own toJSON (a Decimal's would give a bare string).
    const raw = this[key];
    if (raw instanceof Decimal) return { $d: raw.toString() } satisfies Encoded;
    if (raw instanceof Map) return { $map: [...raw.entries()] } satisfies Encoded;
    if (sets.has(raw as FactorSet)) return { $set: (raw as FactorSet).id } satisfies Encoded;
    if (isPlainObject(json) && Object.keys(json).some((k) => k.startsWith("$"))) return { $obj: Object.entries(json) } satisfies Encoded;
    return json;
  });
}

export function decodeEvaluation<T>(text: string, library: FactorLibrary): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
    if ("$obj" in value) return Object.fromEntries((value as { $obj: [string, unknown][] }).$obj);
    if ("$d" in value) return new Decimal((value as { $d: string }).$d);
    if ("$map" in value) return new Map((value as { $map: [unknown, unknown][] }).$map);
    if ("$set" in value) {
      const set = library.sets.get((value as { $set: string }).$set);
      if (!set) throw new Error(`factor set ${(value as { $set: string }).$set} is not in this library`);
      return set;
    }
    return value;
  }) as T;
}
