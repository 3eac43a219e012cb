/**
 * A case file read for a command that works on one (evaluate, validate,
 * template, import-bid): its JSON, or the reason it cannot be read said on
 * stderr in the user's language (no such file; not JSON, with the
 * problem's path).
 */
import { readFileSync } from "node:fs";
import { parseJsonText } from "../case/evaluate-document.js";
import { problemLine, type Lang } from "../case/messages.js";
import { text } from "../i18n/catalogue.js";
import type { Io } from "./main.js";

export function readCaseFile(file: string, io: Io, lang: Lang): { ok: true; value: unknown } | { ok: false } {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (error) {
    io.err((error as NodeJS.ErrnoException).code === "ENOENT" ? text(lang, "cli.no-such-file", { file }) : `${file}: ${(error as Error).message}`);
    return { ok: false };
  }
  const parsed = parseJsonText(source);
  if (!parsed.ok) for (const p of parsed.problems) io.err(problemLine(p, lang));
  return parsed;
}
