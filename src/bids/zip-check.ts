/**
 * A look at an uploaded workbook's zip container before anything reads
 * its cells: the central directory lists every part with its unpacked
 * size, so a file is refused (with a reason) without unpacking it when it
 * is no zip, is too large packed or unpacked, has too many parts, holds
 * macros (a vbaProject part, macro sheets, ActiveX, or the macro-enabled
 * content type) or links to other files (xl/externalLinks/). Then each
 * part is unpacked once with its output stopped at the size the directory
 * declares (at most UNPACKED_LIMIT_BYTES in all), so a directory that lies
 * about sizes is refused before a reader trusts it.
 *
 * Example: a workbook saved as .xlsm holds xl/vbaProject.bin
 *   → { code: "file-macros", params: { part: "xl/vbaProject.bin" } }
 */
import { inflateRawSync } from "node:zlib";
import type { BidProblemCode } from "./bid-problems.js";

export const BID_LIMIT_BYTES = 5 * 1024 * 1024;
export const BID_LIMIT_TEXT = "5 MB";
/** A filled template unpacks to about a megabyte; this leaves room and bounds what the reader parses. */
export const UNPACKED_LIMIT_BYTES = 40 * 1024 * 1024;
export const UNPACKED_LIMIT_TEXT = "40 MB";
export const MAX_PARTS = 500;
const CONTENT_TYPES_LIMIT = 256 * 1024;

export type ZipRefusal = { code: BidProblemCode; params: Record<string, string> };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

type Part = { name: string; method: number; packed: number; unpacked: number; offset: number };

/** The central directory's entries, or null when the bytes are no (readable, non-ZIP64) zip. */
function parts(bytes: Buffer): Part[] | null | "too-many" {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const start = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || start === 0xffffffff || start + size > bytes.length) return null;
  if (count > MAX_PARTS) return "too-many";
  const found: Part[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    found.push({
      method: bytes.readUInt16LE(at + 10),
      packed: bytes.readUInt32LE(at + 20),
      unpacked: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
      name: bytes.toString("utf8", at + 46, Math.min(bytes.length, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return found;
}

/** One part's text, unpacked up to `limit` bytes; null when it cannot be read. */
function partText(bytes: Buffer, part: Part, limit: number): string | null {
  if (part.offset + 30 > bytes.length || bytes.readUInt32LE(part.offset) !== LOCAL) return null;
  const dataStart = part.offset + 30 + bytes.readUInt16LE(part.offset + 26) + bytes.readUInt16LE(part.offset + 28);
  const data = bytes.subarray(dataStart, dataStart + part.packed);
  try {
    if (part.method === 0) return data.subarray(0, limit).toString("utf8");
    if (part.method === 8) return inflateRawSync(data, { maxOutputLength: limit }).toString("utf8");
  } catch {
    return null;
  }
  return null;
}

/** Whether the part unpacks to no more than the directory says (a stored part: its packed size is its size). */
function withinDeclaredSize(bytes: Buffer, part: Part): boolean {
  if (part.method === 0) return part.packed <= part.unpacked;
  if (part.method !== 8) return false;
  if (part.offset + 30 > bytes.length || bytes.readUInt32LE(part.offset) !== LOCAL) return false;
  const dataStart = part.offset + 30 + bytes.readUInt16LE(part.offset + 26) + bytes.readUInt16LE(part.offset + 28);
  try {
    inflateRawSync(bytes.subarray(dataStart, dataStart + part.packed), { maxOutputLength: Math.max(1, part.unpacked) });
    return true;
  } catch {
    return false;
  }
}

const MACRO_PART = /(^|\/)vbaProject\.bin$|^xl\/macrosheets\/|^xl\/dialogsheets\/|^xl\/activeX\//i;

/** The first reason to refuse the file, or null when its cells may be read. */
export function zipRefusal(bytes: Buffer): ZipRefusal | null {
  if (bytes.length > BID_LIMIT_BYTES) return { code: "file-too-large", params: { limit: BID_LIMIT_TEXT } };
  const found = parts(bytes);
  if (found === "too-many") return { code: "file-too-many-parts", params: { limit: String(MAX_PARTS) } };
  if (found === null || !found.some((p) => p.name === "xl/workbook.xml")) return { code: "file-not-xlsx", params: {} };
  // Folder entries (names ending in "/") hold nothing; the parts in them are named on their own.
  const files = found.filter((p) => !p.name.endsWith("/"));
  const macro = files.find((p) => MACRO_PART.test(p.name));
  if (macro) return { code: "file-macros", params: { part: macro.name } };
  const link = files.find((p) => p.name.toLowerCase().startsWith("xl/externallinks/"));
  if (link) return { code: "file-external-links", params: { part: link.name } };
  const unpacked = found.reduce((sum, p) => sum + p.unpacked, 0);
  if (unpacked > UNPACKED_LIMIT_BYTES || found.some((p) => p.unpacked === 0xffffffff)) return { code: "file-unpacked-too-large", params: { limit: UNPACKED_LIMIT_TEXT } };
  // The declared sizes could lie: each part is unpacked once, stopped at its declared size, so the reader never gets more than it was told.
  if (files.some((p) => !withinDeclaredSize(bytes, p))) return { code: "file-unpacked-too-large", params: { limit: UNPACKED_LIMIT_TEXT } };
  const types = found.find((p) => p.name === "[Content_Types].xml");
  const typesText = types ? partText(bytes, types, CONTENT_TYPES_LIMIT) : null;
  if (typesText === null) return { code: "file-not-xlsx", params: {} };
  if (/macroEnabled/i.test(typesText)) return { code: "file-macros", params: { part: "[Content_Types].xml" } };
  if (/externalLink/i.test(typesText)) return { code: "file-external-links", params: { part: "[Content_Types].xml" } };
  return null;
}
