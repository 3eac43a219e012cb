/**
 * The language of JSON API messages: `?lang=nb|en`, else the best of nb/en in
 * Accept-Language (nb, nn and no all mean bokmål here), else English — an
 * API client that says nothing gets the language of the case format's docs.
 *
 * Example: apiLang of a request with `Accept-Language: nb-NO,nb;q=0.9,en;q=0.8` → "nb".
 */
import type { Request } from "express";
import type { Lang } from "../../case/messages.js";
import { pickLang } from "../i18n/catalog.js";

export function apiLang(req: Request): Lang {
  return pickLang(req.query?.lang) ?? fromAcceptLanguage(req.headers["accept-language"]) ?? "en";
}

/** The supported language with the highest q-value (the first of equals), or undefined. */
export function fromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.slice(0, 500).split(",")) {
    const [tag = "", ...params] = part.trim().split(";");
    const primary = tag.trim().toLowerCase().split("-")[0];
    const lang: Lang | undefined = primary === "nb" || primary === "nn" || primary === "no" ? "nb" : primary === "en" ? "en" : undefined;
    if (!lang) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang;
}
