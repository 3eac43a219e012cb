/**
 * Sends a file as a download: `Content-Disposition: attachment` with an
 * ASCII name made from the case title (for old clients) and the full title
 * in RFC 5987 `filename*` (UTF-8), the right content type, and no caching
 * of the case's figures. (nosniff is set for every response by helmet.)
 *
 * Example: contentDisposition("Kontorstoler, rådhuset", "csv") →
 *   attachment; filename="kontorstoler-radhuset.csv"; filename*=UTF-8''Kontorstoler%2C%20r%C3%A5dhuset.csv
 */
import type { Response } from "express";

export const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  case: "application/json; charset=utf-8",
} as const;
export type DownloadKind = keyof typeof CONTENT_TYPES;
const EXTENSIONS: Record<DownloadKind, string> = { csv: "csv", xlsx: "xlsx", pdf: "pdf", case: "kalkyle.json" };

const LETTERS: Record<string, string> = { æ: "ae", Æ: "Ae", ø: "o", Ø: "O", å: "a", Å: "A", ß: "ss", đ: "d", ð: "d", þ: "th", ł: "l" };

/** Lower-case ASCII letters, digits and single hyphens, at most 80 characters; "kalkyle" when nothing is left. */
export function asciiSlug(title: string): string {
  const slug = title
    .replace(/[æÆøØåÅßđðþł]/g, (c) => LETTERS[c] ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 80)
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "kalkyle" : slug;
}

/**
 * Invisible format characters (Unicode category Cf), among them the bidi
 * controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C: in a
 * file name they can make "rapport\u202Efdp.exe" show as "rapportexe.pdf".
 */
const FORMAT_CHARACTERS = /\p{Cf}+/gu;
/**
 * Control characters (C0, DEL, C1), line and paragraph separators, half a
 * surrogate pair (which no UTF-8 name can hold), path separators and
 * characters Windows refuses.
 */
const BREAKING_CHARACTERS = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}<>:"/\\|?*]+/gu;
const MAX_FILE_TITLE = 120;

/** The title as a file name: æøå and other letters kept, no invisible or control characters, path separators or characters Windows refuses. */
export function fileTitle(title: string): string {
  const cleaned = title.replace(FORMAT_CHARACTERS, "").replace(BREAKING_CHARACTERS, " ").replace(/\s+/g, " ").trim();
  // cut by code point, never inside a surrogate pair (an emoji at the limit)
  const cut = [...cleaned].slice(0, MAX_FILE_TITLE).join("").trimEnd();
  return cut === "" ? "kalkyle" : cut;
}

/** RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * unencoded, which attr-char does not allow. */
const rfc5987 = (text: string): string => encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function contentDisposition(title: string, extension: string): string {
  return `attachment; filename="${asciiSlug(title)}.${extension}"; filename*=UTF-8''${rfc5987(`${fileTitle(title)}.${extension}`)}`;
}

const downloadHeaders = (kind: DownloadKind, title: string) => ({ "Content-Type": CONTENT_TYPES[kind], "Content-Disposition": contentDisposition(title, EXTENSIONS[kind]), "Cache-Control": "no-store" });

export function sendDownload(res: Response, kind: DownloadKind, title: string, body: string | Buffer): void {
  res.status(200).set(downloadHeaders(kind, title)).send(body);
}

/** The answer to HEAD on a download: the same headers, no body, and nothing computed or rendered. */
export function sendDownloadHead(res: Response, kind: DownloadKind, title: string): void {
  res.status(200).set(downloadHeaders(kind, title)).end();
}
