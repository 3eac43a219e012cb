/**
 * The climate adviser's plan (Klimanøytral 2027):
 *   GET  /climate/plan                     the form (climate.plan) or the plan read-only (climate.read),
 *                                          beside it the target path year by year and the versions
 *   POST /climate/plan                     saves a new version: 303 back with a notice; 400 with each
 *                                          problem beside its field and everything typed kept; 409 when
 *                                          someone saved in between (the entry kept, the newest shown);
 *                                          "five more rows" re-draws the form with the entry (nothing saved)
 *   GET  /climate/plan/versions/:version   one saved version, read-only
 * Numbers are read the user's way here, at the edge (climate-plan-entry.ts).
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { Application } from "../../app/application.js";
import { ConflictError, InvalidInputError } from "../../app/errors.js";
import { can } from "../../app/policy.js";
import type { Principal } from "../../app/principal.js";
import type { Lang, Problem } from "../../case/messages.js";
import { parsePlan } from "../../core/climate/plan-input.js";
import type { AppContext } from "../context.js";
import { handlers, langInput } from "../handler.js";
import { blankEntry, entryOfBody, entryOfPlan, planInputOf, type PlanEntry } from "../view-models/climate-plan-entry.js";
import { errorsByField, planFormModel } from "../view-models/climate-plan-form.js";
import { namesFor, planPageModel, planVersionModel } from "../view-models/climate-plan.js";

/** What the page shows besides the form: the saved plan, its versions, its years, and who the reader is (for "saved by"). */
async function planContext(app: Application, principal: Principal, lang: Lang) {
  const [plan, versions, me] = await Promise.all([app.climate.plan(principal), app.climate.planVersions(principal), app.accounts.me(principal)]);
  const names = await app.climate.names(principal, versions.map((v) => v.savedBy));
  return { plan, versions, targets: plan ? app.climate.targets(plan.document) : [], nameOf: namesFor(me.user, lang, names) };
}

type Shown = { page: Record<string, unknown>; status: number } | { redirect: string };

/** The form's state: the entry, the problems by field (the edge's and the application layer's), and the version a save expects. */
type FormState = { entry: PlanEntry; edge?: Map<string, string>; problems?: Problem[]; index?: ReturnType<typeof planInputOf>["index"]; expected: number };

async function planPage(app: Application, principal: Principal, lang: Lang, state: FormState | null, extra: { saved?: number; conflict?: number; status?: number } = {}): Promise<Shown> {
  const context = await planContext(app, principal, lang);
  const mayEdit = can(principal.role, "climate.plan");
  const entry = state?.entry ?? (context.plan ? entryOfPlan(context.plan.document, lang) : blankEntry());
  const index = state?.index ?? { categories: [], targetRows: [] };
  const errors = errorsByField(state?.edge ?? new Map(), state?.problems ?? [], index, lang);
  const form = mayEdit ? planFormModel(entry, errors, state?.expected ?? context.plan?.version ?? 0, lang) : undefined;
  return { page: planPageModel({ lang, ...context, form, saved: extra.saved, conflict: extra.conflict }), status: extra.status ?? 200 };
}

/** The hidden `version` field: the version the form was drawn from (0: none yet); anything else can only be a stale form (-1). */
function expectedVersionOf(body: unknown): number {
  const raw = typeof body === "object" && body !== null ? (body as Record<string, unknown>).version : undefined;
  return typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : -1;
}

export function climatePlanRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);
  const show = {
    send: (shown: Shown, req: Request, res: Response) => {
      if ("redirect" in shown) return res.redirect(303, shown.redirect);
      ctx.render(req, res, "climate-plan", shown.page, { status: shown.status });
    },
  };

  router.get(
    "/climate/plan",
    handler({
      input: z.object({ query: z.object({ saved: z.unknown().optional() }), lang: langInput }),
      permission: "climate.read",
      call: (app, principal, { query, lang }) => planPage(app, principal, lang, null, { saved: typeof query.saved === "string" && /^\d{1,9}$/.test(query.saved) ? Number(query.saved) : undefined }),
      respond: show,
    }),
  );

  router.post(
    "/climate/plan",
    handler({
      input: z.object({ body: z.unknown(), lang: langInput }),
      permission: "climate.plan",
      call: async (app, principal, { body, lang }): Promise<Shown> => {
        const { entry, addRows } = entryOfBody(body);
        const expected = expectedVersionOf(body);
        if (addRows) return planPage(app, principal, lang, { entry, expected });
        const { input, errors: edge, index } = planInputOf(entry, lang);
        if (edge.size > 0) {
          // the rest is checked too, so that every problem is shown at once
          const parsed = parsePlan(input);
          return planPage(app, principal, lang, { entry, edge, index, problems: parsed.ok ? [] : parsed.problems, expected }, { status: 400 });
        }
        try {
          const saved = await app.climate.savePlan(principal, input, expected);
          return { redirect: `/climate/plan?saved=${saved.version}` };
        } catch (error) {
          if (error instanceof InvalidInputError) return planPage(app, principal, lang, { entry, index, problems: error.problems, expected }, { status: 400 });
          if (!(error instanceof ConflictError)) throw error;
          // the newest version is shown beside the entry; saving again replaces it
          const newest = (await app.climate.plan(principal))?.version ?? 0;
          return planPage(app, principal, lang, { entry, expected: newest }, { conflict: newest, status: 409 });
        }
      },
      respond: show,
    }),
  );

  router.get(
    "/climate/plan/versions/:version",
    handler({
      input: z.object({ params: z.object({ version: z.string() }), lang: langInput }),
      permission: "climate.read",
      call: async (app, principal, { params, lang }) => {
        const version = /^\d{1,9}$/.test(params.version) ? Number(params.version) : 0;
        const [saved, current, me] = await Promise.all([app.climate.planVersion(principal, version), app.climate.plan(principal), app.accounts.me(principal)]);
        const names = await app.climate.names(principal, [saved.savedBy]);
        return planVersionModel(saved, app.climate.targets(saved.document), current?.version ?? null, namesFor(me.user, lang, names), lang);
      },
      respond: { view: "climate-plan-version", model: (model) => model },
    }),
  );

  return router;
}
