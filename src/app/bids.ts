/**
 * Bids from suppliers: the bidder template of a case (case.read) and a
 * filled template imported as one more alternative (case.update). An
 * import saves one new version of the case, through the same update as
 * any other change (its result computed in the pool, the version and its
 * audit row written in one transaction); on any problem nothing is kept.
 *
 * Example: importBid(p, "c1", bytes) on a case at version 4 whose
 * alternatives are A and B → { ok: true, case: (version 5, alternatives
 * A, B, C), alternativeId: "C", replaced: false }.
 */
import type { BidProblem } from "../bids/bid-problems.js";
import { readBid } from "../bids/read-bid.js";
import { bidTemplate, templateFileName } from "../bids/template.js";
import { documentWithBid } from "../bids/with-bid.js";
import { checkCase } from "../case/evaluate-document.js";
import type { Lang } from "../case/messages.js";
import type { FactorLibrary } from "../factors/factor-set.js";
import type { EvaluationPool } from "../pool/evaluation-pool.js";
import type { Store, StoredCase } from "../store/store.js";
import { caseUseCases } from "./cases.js";
import { ConflictError, InvalidInputError } from "./errors.js";
import { authorize } from "./policy.js";
import type { Principal } from "./principal.js";

export type BidServices = { store: Store; pool: EvaluationPool; library: FactorLibrary };

export type ImportBidOptions = {
  /** The version the buyer saw; ConflictError when the case was saved since. */
  expectedVersion?: number;
  /** Replace the alternative of the same id instead of reporting it as a problem. */
  replace?: boolean;
};

export type BidImport = { ok: true; case: StoredCase; alternativeId: string; replaced: boolean } | { ok: false; problems: BidProblem[] };

export function bidUseCases({ store, pool, library }: BidServices) {
  const cases = caseUseCases({ store, pool });
  return {
    /** The template's file name and bytes; InvalidInputError with the case's problems when the case does not pass its checks. */
    async template(p: Principal, caseId: string, lang: Lang): Promise<{ filename: string; bytes: Buffer }> {
      authorize(p, "case.read");
      const stored = await cases.get(p, caseId);
      const checked = checkCase(stored.document, library);
      if (!checked.ok) throw new InvalidInputError(checked.problems);
      const bytes = await bidTemplate(checked.doc, library, { lang, caseId: stored.id, caseVersion: stored.version });
      return { filename: templateFileName(stored.title, lang), bytes };
    },

    async importBid(p: Principal, caseId: string, bytes: Buffer, options: ImportBidOptions = {}): Promise<BidImport> {
      authorize(p, "case.update");
      const stored = await cases.get(p, caseId);
      if (options.expectedVersion !== undefined && options.expectedVersion !== stored.version) throw new ConflictError("version");
      const reading = await readBid(bytes, stored.document, library, { caseId: stored.id, replace: options.replace === true });
      if (!reading.ok) return { ok: false, problems: reading.problems };
      const saved = await cases.update(p, caseId, documentWithBid(stored.document, reading.alternative), stored.version);
      return { ok: true, case: saved, alternativeId: reading.alternativeId, replaced: reading.replaced };
    },
  };
}

export type BidUseCases = ReturnType<typeof bidUseCases>;
