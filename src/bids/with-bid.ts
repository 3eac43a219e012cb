/**
 * A case document as its owner wrote it, with an imported bid put in: in
 * the place of the alternative of the same id (when replacing), else
 * after the others. The document is not the checked one, whose defaults
 * (ranking, empty lists) would otherwise be written into the file.
 *
 * Example: alternatives [A, B] and bid C → [A, B, C]; bid B (replacing) → [A, B′].
 */
import type { AlternativeInput } from "../case/schema.js";

export function documentWithBid(document: Record<string, unknown>, bid: AlternativeInput): Record<string, unknown> {
  const alternatives = Array.isArray(document.alternatives) ? [...(document.alternatives as { id?: unknown }[])] : [];
  const at = alternatives.findIndex((a) => a?.id === bid.id);
  if (at >= 0) alternatives[at] = bid;
  else alternatives.push(bid);
  return { ...document, alternatives };
}
