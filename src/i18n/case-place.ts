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
import { text } from "./catalogue.js";

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const given = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

const PATH = /^alternatives\[(\d+)\](?:\.(emissions|costs)\[(\d+)\])?/;

export function placeOf(path: string, document: unknown, lang: Lang): string {
  if (path === "analysis" || path.startsWith("analysis.")) return text(lang, "case.place.analysis");
  const m = PATH.exec(path);
  if (!m) return text(lang, "case.place.document");
  const alternatives = obj(document).alternatives;
  const index = Number(m[1]);
  const alternative = obj(Array.isArray(alternatives) ? alternatives[index] : undefined);
  const head = text(lang, "case.place.alternative", { name: given(alternative.name) ?? given(alternative.id) ?? String(index + 1) });
  if (m[2] === undefined) return head;
  const list = m[2] as "emissions" | "costs";
  const items = alternative[list];
  const label = given(obj(Array.isArray(items) ? items[Number(m[3])] : undefined).label);
  const kind = list === "emissions" ? "emission" : "cost";
  return label === undefined ? text(lang, `case.place.${kind}`, { alternative: head, number: Number(m[3]) + 1 }) : text(lang, `case.place.${kind}Label`, { alternative: head, label });
}
