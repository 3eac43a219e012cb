/**
 * What every HTML page shares: language, CSRF token, navigation, and the
 * render call that wraps a page view model in the layout.
 */
import type { Request, Response } from "express";
import Handlebars from "handlebars";
import { can } from "../app/policy.js";
import type { Lang } from "../case/messages.js";
import { pickLang } from "./i18n/catalog.js";
import { createPageCache, TOKEN_SLOT, type PageCache } from "./page-cache.js";
import type { ViewEngine } from "./views.js";

/** The page language: an explicit ?lang= on read-only pages (PDF rendering), else the session's, else bokmål. */
export function langOf(req: Request): Lang {
  return pickLang(req.query?.lang) ?? req.session?.lang ?? "nb";
}

/**
 * A page's title, one rule for every page: the page's name, then the case
 * it is about if any ("Rediger sak: Gatelys", "Sammenligning: Gatelys");
 * the layout adds the app's name ("… – Kalkyle"). Every view model sets
 * `pageTitle` through this or a catalogue text of the same form.
 */
export function pageTitle(name: string, caseTitle?: string): string {
  const about = caseTitle?.trim();
  return about ? `${name}: ${about}` : name;
}

/**
 * The page as HTML. Every page carries the session's CSRF token (and many
 * the case's figures), so none may be kept by the browser or a proxy:
 * `Cache-Control: no-store`. Static files keep their own caching.
 */
/** The CSRF token of this request's forms (app.ts puts the function in res.locals once the session is known). */
export function csrfTokenOf(res: Response): string {
  const token = res.locals.csrfToken as (() => string) | undefined;
  return token ? token() : "";
}

/** What the layout shows of the signed-in user: which links their role has. */
function navigationOf(req: Request): Record<string, boolean> {
  const role = req.principal?.role;
  return { signedIn: role !== undefined, mayEditCases: role !== undefined && can(role, "case.create"), mayRecordDecision: role !== undefined && can(role, "decision.create"), isAdmin: role !== undefined && can(role, "user.read") };
}

export function renderPage(views: ViewEngine, req: Request, res: Response, page: string, model: Record<string, unknown>, layout: string | null = "main", token: string = csrfTokenOf(res)): string {
  const lang = langOf(req);
  res.set("Cache-Control", "no-store");
  return views.render(
    page,
    {
      ...model,
      lang,
      otherLang: lang === "nb" ? "en" : "nb",
      csrfToken: token,
      nav: navigationOf(req),
      currentPath: req.originalUrl,
      factorSet: res.locals.factorSetId,
    },
    layout,
  );
}

export type Render = {
  (req: Request, res: Response, page: string, model: Record<string, unknown>, options?: { status?: number; layout?: string | null }): void;
  /**
   * A page that is the same for every request of one stored case version
   * (`version` names it: case id, version, time of saving): rendered once
   * and kept (page-cache.ts), the session's token put into each copy.
   */
  versioned(req: Request, res: Response, version: string, page: string, model: () => Promise<Record<string, unknown>>): Promise<void>;
};

export function makeRender(views: ViewEngine, pages: PageCache = createPageCache()): Render {
  const render = (req: Request, res: Response, page: string, model: Record<string, unknown>, options: { status?: number; layout?: string | null } = {}) => {
    res.status(options.status ?? 200).type("html").send(renderPage(views, req, res, page, model, options.layout === undefined ? "main" : options.layout));
  };
  const versioned = async (req: Request, res: Response, version: string, page: string, model: () => Promise<Record<string, unknown>>) => {
    // everything renderPage reads from the request is in the key: the page, the language, the address, the factor set
    // and the role, which decides the links and buttons on the page
    const key = [version, page, langOf(req), req.originalUrl, res.locals.factorSetId, req.principal?.role ?? ""].join("\u0000");
    const html = await pages.page(key, async () => renderPage(views, req, res, page, await model(), "main", TOKEN_SLOT));
    res.set("Cache-Control", "no-store");
    const token = Handlebars.escapeExpression(csrfTokenOf(res));
    res.status(200).type("html").send(html.replaceAll(TOKEN_SLOT, () => token));
  };
  return Object.assign(render, { versioned });
}
