/**
 * The source of a factor given in the case that comes from an EPD: the EPD
 * itself, by its registration number, verifier and programme operator, so
 * the comparison's trace and the exports cite it rather than saying the
 * value has no published source. The result's own `source` text stays as
 * the evaluation wrote it.
 *
 * Example (nb): { registration: "NEPD-1234-567-NO", verifier: "Ola Nordmann", programme: "EPD-Norge" }
 *   → "EPD NEPD-1234-567-NO, verifisert av Ola Nordmann, programoperatør EPD-Norge"
 */
import type { Lang } from "../../case/messages.js";
import type { ResolvedEmissionItem } from "../../core/types.js";
import { translate } from "../i18n/catalog.js";

/** The EPD's citation, or null for an item without one. */
export function epdCitation(epd: ResolvedEmissionItem["epd"], lang: Lang): string | null {
  if (epd === undefined || epd.registration.trim() === "") return null;
  return [
    translate(lang, "compare.trace.epdSource", { registration: epd.registration }),
    ...(epd.verifier ? [translate(lang, "compare.trace.epdVerifier", { verifier: epd.verifier })] : []),
    ...(epd.programme ? [translate(lang, "compare.trace.epdProgramme", { programme: epd.programme })] : []),
  ].join(", ");
}
