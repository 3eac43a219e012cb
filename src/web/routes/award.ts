/**
 * The buyer's award page of one case:
 *   GET  /cases/:id/award   the criteria form (case.update) or the criteria read-only (an adviser or a
 *                           finance user), and beside it the saved version's points, rankings, implied
 *                           carbon prices and CO2e by data tier
 *   POST /cases/:id/award   saves the award and the mark-ups as a new case version: 303 back with a
 *                           notice; 400 with each problem beside its field and everything typed kept;
 *                           409 when someone saved in between (the entry kept, the newest version expected)
 * The case is checked with the award in it (checkCase) before it is saved, so a problem of the award
 * (weights that do not add up to 100, a band out of order) is said at its field. Another organisation's
 * case is a 404; the figures come from the case's evaluation (the same as the API and the CLI).
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { Application } from "../../app/application.js";
import { ConflictError, InvalidInputError } from "../../app/errors.js";
import { can } from "../../app/policy.js";
import type { Principal } from "../../app/principal.js";
import { checkCase } from "../../case/evaluate-document.js";
import type { Lang, Problem } from "../../case/messages.js";
import type { StoredCase } from "../../store/store.js";
import type { AppContext } from "../context.js";
import { evaluateStored } from "../evaluation.js";
import { handlers, langInput } from "../handler.js";
import { langOf } from "../page.js";
import { awardInputOf, bidsOf, entryOfBody, entryOfCase, type AwardEntry, type EdgeErrors, type EntryIndex } from "../view-models/award-entry.js";
import { awardFormModel, errorsByField } from "../view-models/award-form.js";
import { awardPageModel } from "../view-models/award.js";

type Shown = { page: Record<string, unknown>; status: number } | { redirect: string };

/** The form's state after a POST: the entry, the problems (the edge's and the case check's), and the version a save expects. */
type FormState = { entry: AwardEntry; edge?: EdgeErrors; problems?: Problem[]; index?: EntryIndex; expected: number };

/** The hidden `version` field: the version the form was drawn from; anything else can only be a stale form (-1). */
function expectedVersionOf(body: unknown): number {
  const raw = typeof body === "object" && body !== null ? (body as Record<string, unknown>).version : undefined;
  return typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : -1;
}

export function awardRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  const awardPage = async (principal: Principal, stored: StoredCase, lang: Lang, state: FormState | null, extra: { saved?: boolean; conflict?: boolean; status?: number } = {}): Promise<Shown> => {
    const bids = bidsOf(stored.document);
    const mayEdit = can(principal.role, "case.update");
    const entry = state?.entry ?? entryOfCase(stored.document, bids, lang);
    const index = state?.index ?? { criteria: [], bandRows: { cost: [], climate: [] } };
    const errors = errorsByField(state?.edge ?? new Map(), state?.problems ?? [], index, bids, stored.document, lang);
    const form = mayEdit ? awardFormModel(entry, errors, bids, state?.expected ?? stored.version, lang) : undefined;
    const evaluated = await evaluateStored(ctx, stored);
    return { page: awardPageModel({ evaluated, form, lang, saved: extra.saved === true, conflict: extra.conflict === true, edited: state !== null }), status: extra.status ?? 200 };
  };

  const show = {
    send: (shown: Shown, req: Request, res: Response) => {
      if ("redirect" in shown) return res.redirect(303, shown.redirect);
      res.set("Cache-Control", "no-store");
      ctx.render(req, res, "award", shown.page, { status: shown.status });
    },
  };

  router.get(
    "/cases/:id/award",
    handler({
      input: z.object({ params: z.object({ id: z.string() }), query: z.object({ saved: z.unknown().optional() }), lang: langInput }),
      permission: "case.read",
      call: async (app, principal, { params, query, lang }) => awardPage(principal, await app.cases.get(principal, params.id), lang, null, { saved: query.saved === "1" }),
      respond: show,
    }),
  );

  const save = async (app: Application, principal: Principal, id: string, body: unknown, lang: Lang): Promise<Shown> => {
    const stored = await app.cases.get(principal, id);
    const bids = bidsOf(stored.document);
    const entry = entryOfBody(body, bids);
    const expected = expectedVersionOf(body);
    const { award, dataQuality, errors: edge, index } = awardInputOf(entry, bids, lang);
    const document: Record<string, unknown> = { ...stored.document, award };
    if (dataQuality === undefined) delete document.dataQuality;
    else document.dataQuality = dataQuality;
    // the whole case is checked with the award in it, so that every problem is shown at once
    const checked = checkCase(document, ctx.library);
    const problems = checked.ok ? [] : checked.problems;
    if (edge.size > 0 || problems.length > 0) return awardPage(principal, stored, lang, { entry, edge, problems, index, expected }, { status: 400 });
    try {
      const saved = await app.cases.update(principal, id, document, expected);
      return { redirect: `/cases/${encodeURIComponent(saved.id)}/award?saved=1` };
    } catch (error) {
      if (error instanceof InvalidInputError) return awardPage(principal, stored, lang, { entry, index, problems: error.problems, expected }, { status: 400 });
      if (!(error instanceof ConflictError)) throw error;
      // the newest version's figures are shown beside the entry; saving again replaces it knowingly
      const newest = await app.cases.get(principal, id);
      return awardPage(principal, newest, lang, { entry, expected: newest.version }, { conflict: true, status: 409 });
    }
  };

  router.post(
    "/cases/:id/award",
    handler({
      input: z.object({ params: z.object({ id: z.string() }), body: z.unknown(), lang: langInput }),
      permission: "case.update",
      call: (app, principal, { params, body, lang }) => save(app, principal, params.id, body, lang),
      respond: {
        send: (shown: Shown, req: Request, res: Response) => {
          if (!("redirect" in shown)) return show.send(shown, req, res);
          // after the save, the page in the language the form was in, where that is not the session's
          const lang = langOf(req);
          res.redirect(303, lang === (req.session?.lang ?? "nb") ? shown.redirect : `${shown.redirect}&lang=${lang}`);
        },
      },
    }),
  );

  return router;
}
