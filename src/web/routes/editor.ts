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
 *
 * Before the CSRF check (editorGuardRoutes): a save from someone whose
 * session has ended goes to the login and from there back to the editor,
 * and a form over the body limit gets a page that names the limit (413);
 * both send the user back to the editor with `?draft=kept`, where the
 * browser's draft of what was typed is offered (public/js/editor-draft.js).
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { Application } from "../../app/application.js";
import { ConflictError } from "../../app/errors.js";
import type { Principal } from "../../app/principal.js";
import type { AppContext } from "../context.js";
import { caseToForm } from "../editor/case-to-form.js";
import { checkForm } from "../editor/check-form.js";
import { applyAction, blankCase, parseAction, readCaseForm } from "../editor/form-model.js";
import { keptSections, type KeptSections } from "../editor/form-to-case.js";
import { handlers, idParam, langInput } from "../handler.js";
import { translate, translateKey } from "../i18n/catalog.js";
import { FORM_LIMIT_MB } from "../form-body.js";
import { langOf } from "../page.js";
import { editorPageModel, type EditorPageInput } from "../view-models/editor.js";

/** `?done=` → the notice's text key; a Map, since the value is whatever the address says ("__proto__" included). */
const NOTICES: ReadonlyMap<string, string> = new Map([
  ["duplicated", "cases.duplicated"],
  ["saved", "cases.saved"],
]);

function versionOf(body: Record<string, unknown>): number | undefined {
  const raw = body.version;
  return typeof raw === "string" && /^\d{1,12}$/.test(raw) ? Number(raw) : undefined;
}

/** The editor's form as posted (read leniently: every value the user typed kept), the button pressed and the hidden version. */
const formInput = z.object({
  body: z
    .unknown()
    .optional()
    .transform((raw) => {
      const body = (raw ?? {}) as Record<string, unknown>;
      return { form: readCaseForm(body), action: parseAction(body.action), version: versionOf(body) };
    }),
  lang: langInput,
});
type Posted = z.infer<typeof formInput>;

/** The editor page to show (with its status), or the comparison to go to once saved. */
type Outcome = { show: Omit<EditorPageInput, "library" | "lang">; status?: number } | { saved: string };

/** Where a save goes back to for its draft: the editor it came from, marked `?draft=kept`. */
const draftReturn = (id: string | undefined) => `${id === undefined ? "/cases/new" : `/cases/${encodeURIComponent(id)}/edit`}?draft=kept`;

/**
 * The editor's saves, before the CSRF check (nothing is changed here): a
 * user no longer signed in goes to the login and back to the editor, a form
 * over the limit gets the 413 page that says so. Neither reads the form.
 */
export function editorGuardRoutes(ctx: AppContext): Router {
  const router = Router();
  const guard = (req: Request, res: Response, next: () => void) => {
    const back = draftReturn(typeof req.params.id === "string" ? req.params.id : undefined);
    if (!req.principal) return res.set("Cache-Control", "no-store").redirect(303, `/login?next=${encodeURIComponent(back)}`);
    if (!res.locals.formTooLarge) return next();
    const lang = langOf(req);
    const title = translate(lang, "editor.tooLarge.title");
    const message = translate(lang, "editor.tooLarge.message", { limit: `${FORM_LIMIT_MB} MB` });
    ctx.render(req, res, "editor-too-large", { pageTitle: title, title, message, draft: translate(lang, "editor.tooLarge.draft"), back, backLabel: translate(lang, "editor.tooLarge.back") }, { status: 413 });
  };
  router.post("/cases", guard);
  router.post("/cases/:id", guard);
  return router;
}

export function editorRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  const respond = {
    send: (outcome: Outcome, req: Request, res: Response) => {
      // after the save, the comparison in the language the form was in, where that is not the session's
      const lang = langOf(req);
      if ("saved" in outcome) return res.redirect(303, `/cases/${encodeURIComponent(outcome.saved)}${lang === (req.session?.lang ?? "nb") ? "" : `?lang=${lang}`}`);
      res.set("Cache-Control", "no-store");
      ctx.render(req, res, "case-edit", editorPageModel({ ...outcome.show, library: ctx.library, lang: langOf(req) }), { status: outcome.status ?? 200 });
    },
  };

  /**
   * Row actions re-render; `save` checks and stores. `store` returns "conflict" on a version conflict.
   * `kept`: the stored case's sections the editor does not show (award, data-quality mark-ups), saved with the form.
   */
  const submit = async (
    app: Application,
    principal: Principal,
    { body: { form, action, version }, lang }: Posted,
    target: { caseId?: string; kept?: KeptSections },
    store: (doc: Record<string, unknown>) => Promise<{ id: string } | "conflict">,
  ): Promise<Outcome> => {
    const { caseId, kept } = target;
    if (action.type !== "save") {
      const changed = applyAction(form, action);
      return { show: { form: changed.form, problems: [], caseId, version, focus: changed.focus, posted: true, kept } };
    }
    const checked = checkForm(form, ctx.library, lang, kept);
    if (!checked.ok) return { show: { form, problems: checked.problems, caseId, version, posted: true, kept }, status: 400 };
    const saved = await store(checked.doc);
    if (saved === "conflict") {
      // Show the user's values; the hidden version becomes the stored one, so saving again replaces it knowingly.
      const current = await app.cases.get(principal, caseId!);
      return { show: { form, problems: [], caseId, version: current.version, conflict: true, posted: true, kept }, status: 409 };
    }
    return { saved: saved.id };
  };

  // The forms are refused (403) to a role that may not save them, as the saves are, before the form is read or checked.
  router.get(
    "/cases/new",
    handler({
      input: z.object({}),
      permission: "case.create",
      call: async (): Promise<Outcome> => ({ show: { form: blankCase(new Date().getFullYear()), problems: [] } }),
      respond,
    }),
  );

  router.get(
    "/cases/:id/edit",
    handler({
      input: idParam.extend({ query: z.object({ done: z.unknown().optional() }), lang: langInput }),
      permission: "case.update",
      call: async (app, principal, { params, query, lang }): Promise<Outcome> => {
        const found = await app.cases.get(principal, params.id);
        const done = typeof query.done === "string" ? NOTICES.get(query.done) : undefined;
        return { show: { form: caseToForm(found.document, lang), problems: [], caseId: found.id, version: found.version, notice: done ? translateKey(lang, done) : undefined, kept: keptSections(found.document) } };
      },
      respond,
    }),
  );

  router.post(
    "/cases",
    handler({
      input: formInput,
      permission: "case.create",
      call: (app, principal, posted) => submit(app, principal, posted, {}, (doc) => app.cases.create(principal, doc)),
      respond,
    }),
  );

  router.post(
    "/cases/:id",
    handler({
      input: formInput.extend(idParam.shape),
      permission: "case.update",
      call: async (app, principal, posted) => {
        const id = posted.params.id;
        // The sections the form does not show come from the stored case; a save over a newer version is refused (409) anyway.
        const stored = await app.cases.get(principal, id);
        return submit(app, principal, posted, { caseId: id, kept: keptSections(stored.document) }, async (doc) => {
          try {
            return await app.cases.update(principal, id, doc, posted.body.version);
          } catch (error) {
            if (error instanceof ConflictError) return "conflict";
            throw error;
          }
        });
      },
      respond,
    }),
  );

  return router;
}
