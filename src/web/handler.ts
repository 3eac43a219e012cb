/**
 * One way to declare a route, for the HTML pages and the JSON API alike
 * (as Ghost declares its endpoints): what it reads (a zod schema of the
 * request's params, query, headers and body), what the policy must allow,
 * the one call into the application layer, and how the result is answered
 * (a view, JSON, a redirect, or a custom answer).
 *
 * The Express handler it makes asks the policy first (so a role that may
 * not act gets 403 whatever it sent), then parses the input (a refusal is
 * the usual 400 naming every problem at its path, as a page or as JSON in
 * the user's language, by the one error handler in errors.ts), then calls,
 * then answers.
 *
 * Example:
 *   router.get("/cases/:id", handler({
 *     input: z.object({ params: z.object({ id: z.string() }) }),
 *     permission: "case.read",
 *     call: (app, principal, { params }) => app.cases.get(principal, params.id),
 *     respond: { json: caseJson, headers: (found) => ({ ETag: etagOf(found.version) }) },
 *   }));
 */
import type { Request, RequestHandler, Response } from "express";
import { z } from "zod";
import type { Application } from "../app/application.js";
import { authorize, type Action } from "../app/policy.js";
import type { Principal } from "../app/principal.js";
import type { Lang, Problem, ProblemCode } from "../case/messages.js";
import { formatPath } from "../case/paths.js";
import { issueProblems } from "../case/zod-problems.js";
import { principalOf } from "./auth.js";
import type { AppContext } from "./context.js";
import { HttpError } from "./errors.js";
import { langOf } from "./page.js";

/** What a schema sees of the request, the page's language and the session's id (for a call that keeps this session); a problem's path leaves out the part it came from (`limit`, not `query.limit`). */
export type RequestInput = { params: Record<string, string>; query: unknown; headers: Record<string, string | undefined>; body: unknown; lang: Lang; sessionId: string | undefined };

/** An action of the policy; "signed-in" (any principal, the use case decides) or "public" (no principal). */
export type Permission = Action | "signed-in" | "public";

type PrincipalFor<P extends Permission> = P extends "public" ? Principal | undefined : Principal;

export type Respond<T> =
  | { view: string; model: (result: T, req: Request) => Record<string, unknown>; status?: number | ((result: T) => number) }
  /** A page kept per case version (ctx.render.versioned): the model is built only when the version is not kept yet. */
  | { view: string; version: (result: T) => string; model: (result: T, req: Request) => Promise<Record<string, unknown>> }
  | { json: (result: T, req: Request) => unknown; status?: number; headers?: (result: T) => Record<string, string> }
  /** 303 See Other to the address made from the result. */
  | { redirect: (result: T, req: Request) => string }
  /** Anything else (a body sent as it is, a 204): the answer is written here. */
  | { send: (result: T, req: Request, res: Response) => void | Promise<void> };

export type HandlerDeclaration<I, T, P extends Permission> = {
  input: z.ZodType<I>;
  permission: P;
  call: (app: Application, principal: PrincipalFor<P>, input: I) => Promise<T>;
  respond: Respond<T>;
};

/** A refinement's own problem: `ctx.addIssue(problemIssue("integer"))` becomes that code at the issue's path (or at `at`, e.g. a header's name as the client spells it). */
export function problemIssue(code: ProblemCode, params: Record<string, string> = {}, at?: string) {
  return { code: "custom" as const, message: code, params: { problem: code, problemParams: params, at } };
}

function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.slice(1);
    const own = issue.code === "custom" ? issue.params : undefined;
    if (typeof own?.problem === "string") return [{ path: typeof own.at === "string" ? own.at : formatPath(path), code: own.problem as ProblemCode, params: (own.problemParams ?? {}) as Record<string, string> }];
    return issueProblems({ ...issue, path } as typeof issue);
  });
}

function requestInput(req: Request): RequestInput {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  return { params: { ...(req.params as Record<string, string>) }, query: req.query, headers, body: req.body, lang: langOf(req), sessionId: req.sessionId };
}

/** Makes route handlers for this app: `const handler = handlers(ctx)`, then `router.get(path, handler({ … }))`. */
export function handlers(ctx: AppContext) {
  return function handler<I, T, P extends Permission>(declaration: HandlerDeclaration<I, T, P>): RequestHandler {
    return async (req, res) => {
      const principal = (declaration.permission === "public" ? req.principal : principalOf(req)) as PrincipalFor<P>;
      if (declaration.permission !== "public" && declaration.permission !== "signed-in") authorize(principal as Principal, declaration.permission);
      const parsed = declaration.input.safeParse(requestInput(req));
      if (!parsed.success) throw new HttpError(400, "error.generic", problemsOf(parsed.error));
      const result = await declaration.call(ctx.app, principal, parsed.data);
      const respond = declaration.respond;
      if ("send" in respond) return respond.send(result, req, res);
      if ("redirect" in respond) return res.redirect(303, respond.redirect(result, req));
      if ("json" in respond) {
        if (respond.headers) res.set(respond.headers(result));
        return void res.status(respond.status ?? 200).json(respond.json(result, req));
      }
      if ("version" in respond) return ctx.render.versioned(req, res, respond.version(result), respond.view, () => respond.model(result, req));
      ctx.render(req, res, respond.view, respond.model(result, req), { status: typeof respond.status === "function" ? respond.status(result) : respond.status });
    };
  };
}

/** The input of a route that reads nothing but what the schema allows through. */
export const noInput = z.object({});

/** The page's language (langOf: ?lang=, the session's choice, bokmål), for a call that words something in it. */
export const langInput = z.enum(["nb", "en"]);

/** A route's `:id`, as it is (the use case says 404 when it names no case here). */
export const idParam = z.object({ params: z.object({ id: z.string() }) });
