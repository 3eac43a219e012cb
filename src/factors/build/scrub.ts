/**
 * Citations shown to users carry no notes for maintainers. Removes from a
 * text every parenthesis, sentence or semicolon clause that asks someone to
 * verify, calls the value secondary or transcribed, or names a repository
 * or one of the project's files.
 *
 * Example: "0.183 (value from FACTOR-SOURCES.md — verify). Generation-based."
 *          → "0.183. Generation-based."
 */
const MAINTAINER_NOTE = /verify|secondary|transcri|FACTOR-SOURCES|themisiq|\.md\b|Confirmed here only|commit [0-9a-f]{7,}|as recorded in/i;

export function scrubMaintainerNotes(text: string): string {
  if (!MAINTAINER_NOTE.test(text)) return text;
  const withoutAsides = text.replace(/\s*\([^()]*\)/g, (aside) => (MAINTAINER_NOTE.test(aside) ? "" : aside));
  return withoutAsides
    .split(/(?<=\.)\s+/)
    .map((sentence) => {
      const kept = sentence.split(/;\s+/).filter((clause) => !MAINTAINER_NOTE.test(clause)).join("; ").trim();
      return kept !== "" && sentence.endsWith(".") && !kept.endsWith(".") ? `${kept}.` : kept;
    })
    .filter((s) => s !== "" && s !== ".")
    .join(" ");
}

export const hasMaintainerNote = (text: string): boolean => MAINTAINER_NOTE.test(text);
