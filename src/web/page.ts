/**
 * What every HTML page shares: language, CSRF token, navigation, and the
 * render call that wraps a page view model in the layout.
 */
import type { Request, Response } from "express";
import type { Lang } from "../case/messages.js";
import { pickLang } from "./i18n/catalog.js";
import type { ViewEngine } from "./views.js";

/** The page language: an explicit ?lang= on read-only pages (PDF rendering), else the session's, else bokmål. */
export function langOf(req: Request): Lang {
  return pickLang(req.query?.lang) ?? req.session?.lang ?? "nb";
}

/**
 * The page as HTML. Every page carries the session's CSRF token (and many
 * the case's figures), so none may be kept by the browser or a proxy:
 * `Cache-Control: no-store`. Static files keep their own caching.
 */
export function renderPage(views: ViewEngine, req: Request, res: Response, page: string, model: Record<string, unknown>, layout: string | null = "main"): string {
  const lang = langOf(req);
  res.set("Cache-Control", "no-store");
  return views.render(
    page,
    {
      ...model,
      lang,
      otherLang: lang === "nb" ? "en" : "nb",
      csrfToken: req.session?.csrfToken ?? "",
      currentPath: req.originalUrl,
      factorSet: res.locals.factorSetId,
    },
    layout,
  );
}

export type Render = (req: Request, res: Response, page: string, model: Record<string, unknown>, options?: { status?: number; layout?: string | null }) => void;

export function makeRender(views: ViewEngine): Render {
  return (req, res, page, model, options = {}) => {
    res.status(options.status ?? 200).type("html").send(renderPage(views, req, res, page, model, options.layout === undefined ? "main" : options.layout));
  };
}
