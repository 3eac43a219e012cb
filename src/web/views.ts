/**
 * The Handlebars view engine: a private instance, templates compiled once at
 * start from views/, helpers from src/web/helpers (one per file). Templates
 * get plain view-model objects only; prototype access stays disabled.
 */
import Handlebars from "handlebars";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import * as eq from "./helpers/eq.js";
import * as json from "./helpers/json.js";
import * as nok from "./helpers/nok.js";
import * as num from "./helpers/num.js";
import * as t from "./helpers/t.js";
import * as tonnes from "./helpers/tonnes.js";

export const VIEWS_DIR = new URL("../../views/", import.meta.url).pathname;
const HELPERS = [eq, json, nok, num, t, tonnes];

export type ViewEngine = { render(page: string, model: Record<string, unknown>, layout?: string | null): string };

function hbsFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".hbs"));
}

export function createViewEngine(dir: string = VIEWS_DIR): ViewEngine {
  const hbs = Handlebars.create();
  for (const h of HELPERS) hbs.registerHelper(h.name, h.helper as Handlebars.HelperDelegate);
  for (const f of hbsFiles(join(dir, "partials"))) hbs.registerPartial(basename(f, ".hbs"), readFileSync(join(dir, "partials", f), "utf8"));
  const compile = (file: string) => hbs.compile(readFileSync(file, "utf8"), { strict: false, preventIndent: true });
  const pages = new Map(hbsFiles(join(dir, "pages")).map((f) => [basename(f, ".hbs"), compile(join(dir, "pages", f))]));
  const layouts = new Map(hbsFiles(join(dir, "layouts")).map((f) => [basename(f, ".hbs"), compile(join(dir, "layouts", f))]));
  return {
    render(page, model, layout = "main") {
      const template = pages.get(page);
      if (!template) throw new Error(`no view "${page}"`);
      const body = template(model);
      if (layout === null) return body;
      return layouts.get(layout)!({ ...model, body });
    },
  };
}
