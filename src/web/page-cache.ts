/**
 * Rendered pages of one stored case version (the comparison page, the
 * report), kept as text per version, language and address and bounded by
 * bytes. A page is rendered once with a stand-in for the session's CSRF
 * token, and every request gets a copy with its own token put in: the only
 * part of these pages that differs between sessions. The key holds the
 * case's version and time of saving, so a save makes a new page and
 * nothing ever has to be invalidated; the least recently shown pages make
 * room for new ones. See docs/decisions.md ("Rendered pages kept per version").
 */
import { randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";

/** Room for the pages, 32 MiB by default (PAGE_CACHE_MB): a comparison page is 50–200 kB, so several hundred. */
export const PAGE_CACHE_BYTES = Number(process.env.PAGE_CACHE_MB ?? 32) * 1024 * 1024;

/** The token's stand-in: random for each process, of letters, digits and "-" only, which no template escapes or could contain. */
export const TOKEN_SLOT = `csrf-slot-${randomBytes(16).toString("hex")}`;

export type PageCache = {
  /** The page kept under `key`, or `render`'s page (kept for the next time); concurrent requests for one key share one rendering. */
  page(key: string, render: () => Promise<string>): Promise<string>;
  /** Bytes held, as counted against the bound. */
  size(): number;
};

export function createPageCache(maxBytes: number = PAGE_CACHE_BYTES): PageCache {
  const cache = new LRUCache<string, string, () => Promise<string>>({
    maxSize: maxBytes,
    // UTF-16 in memory: two bytes a character
    sizeCalculation: (html) => Math.max(1, html.length * 2),
    fetchMethod: (_key, _stale, { context }) => context(),
  });
  return {
    async page(key, render) {
      return (await cache.fetch(key, { context: render }))!;
    },
    size: () => cache.calculatedSize,
  };
}
