/**
 * The spend mapping:
 *   GET  /climate/mapping               the adviser's rules, the form that adds one (?account= prefills it,
 *                                       from the screening's "map" link) and the default KOSTRA mapping (?q= filters it)
 *   POST /climate/mapping/rules         adds a rule: the kept rules and the new one saved as a whole
 *                                       (app.ledgers.saveMapping with the version the form was made from)
 *   POST /climate/mapping/rules/remove  removes the rule at `index` of that version
 * A refused rule re-renders the page (400) with each problem beside its
 * field and everything typed kept; someone else's save in between (409)
 * shows the rules as they are now, the entry still in the form.
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { ConflictError, InvalidInputError } from "../../app/errors.js";
import type { Application } from "../../app/application.js";
import { can } from "../../app/policy.js";
import type { Principal } from "../../app/principal.js";
import type { AppContext } from "../context.js";
import { handlers } from "../handler.js";
import { langOf } from "../page.js";
import { spendMappingModel, type MappingNotice } from "../view-models/spend-mapping.js";
import { emptyRuleForm, ruleFormErrors, ruleFormOf, ruleInputOf, type RuleFormValues } from "../view-models/spend-rule-form.js";

const pageQuery = z.object({ query: z.object({ q: z.string().max(100).optional(), account: z.string().max(50).optional(), saved: z.string().optional(), removed: z.string().optional() }) });
const postedForm = z.object({ body: z.record(z.string(), z.unknown()) });

type Mapping = Awaited<ReturnType<Application["ledgers"]["mapping"]>>;
/** What a refused save leaves to show: the rules as kept, the form as typed, the problems, the notice. */
type Refused = { mapping: Mapping; form: RuleFormValues; status: 400 | 409; problems: Parameters<typeof ruleFormErrors>[0]; index: number };

/** The version the form was made from ("3"); -1 for anything else, which no kept version equals. */
const versionOf = (body: Record<string, unknown>) => (typeof body.version === "string" && /^\d{1,9}$/.test(body.version) ? Number(body.version) : -1);

/** Saves `rules`; a refusal as what the page shows instead (a conflict with the rules as they are now). */
async function saveOrRefuse(app: Application, principal: Principal, rules: unknown[], expected: number, form: RuleFormValues, index: number): Promise<Refused | null> {
  try {
    await app.ledgers.saveMapping(principal, rules, expected);
    return null;
  } catch (error) {
    if (error instanceof InvalidInputError) return { mapping: await app.ledgers.mapping(principal), form, status: 400, problems: error.problems, index };
    if (error instanceof ConflictError) return { mapping: await app.ledgers.mapping(principal), form, status: 409, problems: [], index };
    throw error;
  }
}

export function spendMappingRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  const renderRefused = (refused: Refused, req: Request, res: Response) => {
    const lang = langOf(req);
    const { errors, other } = ruleFormErrors(refused.problems, refused.index, refused.form, lang);
    const notice: MappingNotice | undefined = refused.status === 409 ? "conflict" : undefined;
    const model = spendMappingModel({ mapping: refused.mapping, set: ctx.library.sets.get(ctx.library.newest), lang, mayEdit: true, q: "", form: refused.form, errors, otherProblems: other, notice });
    ctx.render(req, res, "spend-mapping", model, { status: refused.status });
  };

  router.get(
    "/climate/mapping",
    handler({
      input: pageQuery,
      permission: "climate.read",
      call: async (app, principal, { query }) => ({ mapping: await app.ledgers.mapping(principal), query }),
      respond: {
        view: "spend-mapping",
        model: ({ mapping, query }, req) => {
          const { q = "", account, saved, removed } = query;
          const form = account ? { ...emptyRuleForm(), value: account } : emptyRuleForm();
          const notice: MappingNotice | undefined = account ? "from-screening" : saved ? "saved" : removed ? "removed" : undefined;
          return spendMappingModel({ mapping, set: ctx.library.sets.get(ctx.library.newest), lang: langOf(req), mayEdit: req.principal !== undefined && can(req.principal.role, "mapping.update"), q, form, errors: {}, notice, account });
        },
      },
    }),
  );

  router.post(
    "/climate/mapping/rules",
    handler({
      input: postedForm,
      permission: "mapping.update",
      call: async (app, principal, { body }) => {
        const form = ruleFormOf(body);
        const current = await app.ledgers.mapping(principal);
        return saveOrRefuse(app, principal, [...current.rules, ruleInputOf(form)], versionOf(body), form, current.rules.length);
      },
      respond: { send: (refused, req, res) => (refused ? renderRefused(refused, req, res) : res.redirect(303, "/climate/mapping?saved=1#rules")) },
    }),
  );

  router.post(
    "/climate/mapping/rules/remove",
    handler({
      input: postedForm,
      permission: "mapping.update",
      call: async (app, principal, { body }) => {
        const current = await app.ledgers.mapping(principal);
        const index = typeof body.index === "string" && /^\d{1,6}$/.test(body.index) ? Number(body.index) : -1;
        const expected = versionOf(body);
        // a rule of another version (or none at that place) is someone else's change: the page as it is now
        if (expected !== current.version || index < 0 || index >= current.rules.length) return { mapping: current, form: emptyRuleForm(), status: 409 as const, problems: [], index: -1 };
        return saveOrRefuse(app, principal, current.rules.filter((_, i) => i !== index), expected, emptyRuleForm(), -1);
      },
      respond: { send: (refused, req, res) => (refused ? renderRefused(refused, req, res) : res.redirect(303, "/climate/mapping?removed=1#rules")) },
    }),
  );

  return router;
}
