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

/** The title as a file name: no control characters, path separators or characters Windows refuses. */
function fileTitle(title: string): string {
  const cleaned = title.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 120);
  return cleaned === "" ? "kalkyle" : cleaned;
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
