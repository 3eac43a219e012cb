/**
 * Where in a case a document path points, in the words a buyer uses:
 * `alternatives[1].costs[0].every` → Alternativ «Gjenbruk», kostnad
 * «Innkjøp» (en: Alternative “Re-use”, cost “Purchase”: each language's own
 * quotation marks); anything under `analysis` → Analyseoppsett. Warnings and
 * problems are shown with this, never with the JSON path.
 *
 * Example: placeOf("alternatives[0].emissions[2]", doc, "en") with no label on
 * the item → "Alternative “Chairs”, emission item 3".
 */
import type { Lang } from "../case/messages.js";

type Json = Record<string, unknown>;

const WORDS = {
  nb: { alternative: "Alternativ", emissions: "utslippspost", costs: "kostnad", analysis: "Analyseoppsett", document: "Saken", open: "«", close: "»" },
  en: { alternative: "Alternative", emissions: "emission item", costs: "cost", analysis: "Analysis settings", document: "The case", open: "“", close: "”" },
} as const;

const obj = (v: unknown): Json => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

const PATH = /^alternatives\[(\d+)\](?:\.(emissions|costs)\[(\d+)\])?/;

export function placeOf(path: string, document: unknown, lang: Lang): string {
  const words = WORDS[lang];
  if (path === "analysis" || path.startsWith("analysis.")) return words.analysis;
  const m = PATH.exec(path);
  if (!m) return words.document;
  const alternatives = obj(document).alternatives;
  const index = Number(m[1]);
  const alternative = obj(Array.isArray(alternatives) ? alternatives[index] : undefined);
  const name = text(alternative.name) ?? text(alternative.id) ?? String(index + 1);
  const quote = (text: string) => `${words.open}${text}${words.close}`;
  const head = `${words.alternative} ${quote(name)}`;
  if (m[2] === undefined) return head;
  const list = m[2] as "emissions" | "costs";
  const items = alternative[list];
  const item = obj(Array.isArray(items) ? items[Number(m[3])] : undefined);
  const label = text(item.label);
  return `${head}, ${words[list]} ${label === undefined ? Number(m[3]) + 1 : quote(label)}`;
}
