/**
 * The case editor:
 *   GET  /cases/new        a blank draft
 *   GET  /cases/:id/edit   the stored document in the form
 *   POST /cases            create;  POST /cases/:id  update (hidden `version`)
 * Without JavaScript everything works: the row buttons (`action` =
 * add-alternative, add-emission:0, remove-cost:0:1, …) re-render the form
 * with the change and save nothing; `save` checks the case and stores it
 * (303 to the comparison) or re-renders with every problem (400), or on a
 * version conflict with the user's values and a message (409).
 */
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../context.js";
import { caseToForm } from "../editor/case-to-form.js";
import { checkForm } from "../editor/check-form.js";
import { applyAction, blankCase, parseAction, readCaseForm, type CaseForm } from "../editor/form-model.js";
import { notFound } from "../errors.js";
import { translate } from "../i18n/catalog.js";
import { langOf } from "../page.js";
import { editorPageModel, type EditorPageInput } from "../view-models/editor.js";
import { storedCaseOr404 } from "../evaluation.js";
import { ConflictError } from "../../app/errors.js";
import { principalOf } from "../auth.js";
import { authorize } from "../../app/policy.js";

/** `?done=` → the notice's text key; a Map, since the value is whatever the address says ("__proto__" included). */
const NOTICES: ReadonlyMap<string, string> = new Map([
  ["duplicated", "cases.duplicated"],
  ["saved", "cases.saved"],
]);

function versionOf(body: Record<string, unknown>): number | undefined {
  const raw = body.version;
  return typeof raw === "string" && /^\d{1,12}$/.test(raw) ? Number(raw) : undefined;
}

export function editorRoutes(ctx: AppContext): Router {
  const router = Router();

  const show = (req: Request, res: Response, input: Omit<EditorPageInput, "library" | "lang">, status = 200) => {
    res.set("Cache-Control", "no-store");
    ctx.render(req, res, "case-edit", editorPageModel({ ...input, library: ctx.library, lang: langOf(req) }), { status });
  };

  /** Row actions re-render; `save` checks and stores. `store` returns false on a version conflict. */
  const submit = async (req: Request, res: Response, caseId: string | undefined, store: (doc: Record<string, unknown>) => Promise<{ id: string } | "conflict">, version: number | undefined) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form: CaseForm = readCaseForm(body);
    const action = parseAction(body.action);
    const lang = langOf(req);
    if (action.type !== "save") {
      const changed = applyAction(form, action);
      return show(req, res, { form: changed.form, problems: [], caseId, version, focus: changed.focus });
    }
    const checked = checkForm(form, ctx.library, lang);
    if (!checked.ok) return show(req, res, { form, problems: checked.problems, caseId, version }, 400);
    const saved = await store(checked.doc);
    if (saved === "conflict") {
      // Show the user's values; the hidden version becomes the stored one, so saving again replaces it knowingly.
      if (!caseId) throw notFound();
      const current = await storedCaseOr404(ctx, req, caseId);
      return show(req, res, { form, problems: [], caseId, version: current.version, conflict: true }, 409);
    }
    res.redirect(303, `/cases/${encodeURIComponent(saved.id)}`);
  };

  // The forms are refused (403) to a role that may not save them, as the saves are, before the form is read or checked.
  router.get("/cases/new", (req, res) => {
    authorize(principalOf(req), "case.create");
    show(req, res, { form: blankCase(new Date().getFullYear()), problems: [] });
  });

  router.get("/cases/:id/edit", async (req, res) => {
    authorize(principalOf(req), "case.update");
    const found = await storedCaseOr404(ctx, req, req.params.id);
    const done = typeof req.query.done === "string" ? NOTICES.get(req.query.done) : undefined;
    show(req, res, { form: caseToForm(found.document, langOf(req)), problems: [], caseId: found.id, version: found.version, notice: done ? translate(langOf(req), done) : undefined });
  });

  router.post("/cases", async (req, res) => {
    authorize(principalOf(req), "case.create");
    await submit(req, res, undefined, async (doc) => ctx.app.cases.create(principalOf(req), doc), undefined);
  });

  router.post("/cases/:id", async (req, res) => {
    const id = req.params.id;
    authorize(principalOf(req), "case.update");
    await ctx.app.cases.stamp(principalOf(req), id);
    const version = versionOf((req.body ?? {}) as Record<string, unknown>);
    await submit(
      req,
      res,
      id,
      async (doc) => {
        try {
          return await ctx.app.cases.update(principalOf(req), id, doc, version);
        } catch (error) {
          if (error instanceof ConflictError) return "conflict";
          throw error;
        }
      },
      version,
    );
  });

  return router;
}
