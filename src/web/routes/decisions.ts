/**
 * The decisions register (Klimanøytral 2027):
 *   GET  /cases/:id/decision               the form (decision.create): chosen alternative, contract start
 *                                          and length, purchase category, strategy area, note
 *   POST /cases/:id/decision               records it: 303 to the register with a notice; 400 with each
 *                                          problem beside its field and everything typed kept
 *   GET  /climate/decisions                the register (climate.read): each decision's figures as recorded, the totals
 *   GET  /climate/decisions/:id/delete     asks to confirm (decision.delete)
 *   POST /climate/decisions/:id/delete     deletes, 303 back with a notice
 * A case that cannot be decided on (its current version does not evaluate: an InvalidInputError
 * at "caseId") is a 400 page that says so in plain words, with a link back to the case, on the
 * form's GET and POST alike. Another organisation's case or decision is a 404, as everywhere.
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { Application } from "../../app/application.js";
import { InvalidInputError } from "../../app/errors.js";
import { can } from "../../app/policy.js";
import type { Principal } from "../../app/principal.js";
import type { Lang, Problem } from "../../case/messages.js";
import { parseDecisionInput } from "../../core/climate/decision-input.js";
import type { AppContext } from "../context.js";
import { handlers, idParam, langInput } from "../handler.js";
import { langOf } from "../page.js";
import { namesFor } from "../view-models/climate-plan.js";
import { blankDecisionEntry, decisionEntryOf, decisionFormModel, decisionInputOf, type DecisionEntry, type DecisionField } from "../view-models/decision-form.js";
import { decisionDeleteModel, decisionPageModel, decisionUnavailableModel, registerModel } from "../view-models/decisions.js";

type Shown = { page: Record<string, unknown>; status: number; view?: string } | { redirect: string };

const caseInput = z.object({ params: z.object({ id: z.string() }), body: z.unknown(), lang: langInput });

async function formPage(app: Application, principal: Principal, caseId: string, lang: Lang, entry: DecisionEntry | null, errors: { edge?: Map<DecisionField, string>; problems?: Problem[] } = {}, status = 200): Promise<Shown> {
  const form = await app.decisions.form(principal, caseId);
  const model = decisionFormModel(form, entry ?? blankDecisionEntry(form.preferred), errors.edge ?? new Map(), errors.problems ?? [], lang);
  return { page: decisionPageModel(form, model, lang), status };
}

/** The problems at "caseId" of an InvalidInputError (the case cannot be decided on), or null for any other error. */
function caseProblems(error: unknown): Problem[] | null {
  if (!(error instanceof InvalidInputError)) return null;
  const atCase = error.problems.filter((p) => p.path === "caseId");
  return atCase.length > 0 ? atCase : null;
}

/** Runs `shown`; a case that cannot be decided on becomes the page that says why (400), any other error goes on. */
async function orUnavailable(caseId: string, lang: Lang, shown: () => Promise<Shown>): Promise<Shown> {
  try {
    return await shown();
  } catch (error) {
    const problems = caseProblems(error);
    if (problems === null) throw error;
    return { page: decisionUnavailableModel(caseId, problems, lang), status: 400, view: "decision-unavailable" };
  }
}

export function decisionRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);
  const show = (view: string) => ({
    send: (shown: Shown, req: Request, res: Response) => {
      if ("redirect" in shown) return res.redirect(303, shown.redirect);
      ctx.render(req, res, shown.view ?? view, shown.page, { status: shown.status });
    },
  });

  router.get(
    "/cases/:id/decision",
    handler({
      input: caseInput,
      permission: "decision.create",
      call: (app, principal, { params, lang }) => orUnavailable(params.id, lang, () => formPage(app, principal, params.id, lang, null)),
      respond: show("decision"),
    }),
  );

  router.post(
    "/cases/:id/decision",
    handler({
      input: caseInput,
      permission: "decision.create",
      call: (app, principal, { params, body, lang }): Promise<Shown> =>
        orUnavailable(params.id, lang, async () => {
          const entry = decisionEntryOf(body);
          const { input, errors: edge } = decisionInputOf(entry, params.id, lang);
          if (edge.size > 0) {
            // the rest is checked too, so that every problem is shown at once
            const form = await app.decisions.form(principal, params.id);
            const parsed = parseDecisionInput(input, form.alternatives.map((a) => a.id));
            return formPage(app, principal, params.id, lang, entry, { edge, problems: parsed.ok ? [] : parsed.problems }, 400);
          }
          try {
            const recorded = await app.decisions.record(principal, input);
            return { redirect: `/climate/decisions?recorded=${encodeURIComponent(recorded.id)}` };
          } catch (error) {
            if (!(error instanceof InvalidInputError) || caseProblems(error) !== null) throw error;
            return formPage(app, principal, params.id, lang, entry, { problems: error.problems }, 400);
          }
        }),
      respond: show("decision"),
    }),
  );

  router.get(
    "/climate/decisions",
    handler({
      input: z.object({ query: z.object({ recorded: z.unknown().optional(), deleted: z.unknown().optional() }), lang: langInput }),
      permission: "climate.read",
      call: async (app, principal, { query, lang }) => {
        const [dashboard, me] = await Promise.all([app.climate.dashboard(principal), app.accounts.me(principal)]);
        const names = await app.climate.names(principal, dashboard.decisions.map((d) => d.recordedBy));
        return registerModel({
          decisions: dashboard.decisions,
          figures: dashboard.figures,
          nameOf: namesFor(me.user, lang, names),
          mayDelete: can(principal.role, "decision.delete"),
          recorded: typeof query.recorded === "string" ? query.recorded : undefined,
          deleted: query.deleted !== undefined,
          lang,
        });
      },
      respond: { view: "decisions", model: (model) => model },
    }),
  );

  router.get(
    "/climate/decisions/:id/delete",
    handler({
      input: idParam,
      permission: "decision.delete",
      call: (app, principal, { params }) => app.decisions.get(principal, params.id),
      respond: { view: "decision-delete", model: (decision, req) => decisionDeleteModel(decision, langOf(req)) },
    }),
  );

  router.post(
    "/climate/decisions/:id/delete",
    handler({
      input: idParam,
      permission: "decision.delete",
      call: (app, principal, { params }) => app.decisions.remove(principal, params.id),
      respond: { redirect: () => "/climate/decisions?deleted=1" },
    }),
  );

  return router;
}
