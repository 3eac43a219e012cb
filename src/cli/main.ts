/**
 * The `kalkyle` command:
 *   kalkyle evaluate CASE.json [--format json|table] [--lang nb|en] [--samples N [--seed S] [--cost-range P]]
 *   kalkyle validate CASE.json
 *   kalkyle factors [WORDS …] [--group GROUP] [--unit UNIT] [--source PUBLISHER] [--set ID]
 *   kalkyle backup FILE [--force]
 *   kalkyle restore FILE
 *   kalkyle token create --email E [--organisation ID] [--name NAME]
 *   kalkyle screen LEDGER.csv|.xlsx [--mapping FILE] [--columns FILE] [--format json|table] [--lang nb|en]
 *   kalkyle template CASE.json -o BID.xlsx [--lang nb|en]
 *   kalkyle import-bid CASE.json BID.xlsx [-o OUT.json] [--replace] [--lang nb|en]
 * `screen` lives in its own module, imported only when asked for: it must
 * not load the case evaluator and the unit engine before a ledger's first
 * line (the process entry, run-cli.ts, goes to it without this module).
 * Exit status: 0 done (validate lists warnings on stderr), 2 invalid input
 * (every problem with its path; a backup file that cannot be used), 1 fault
 * (also: restore while the server has the database open).
 */
import { checkCase, evaluateDocument } from "../case/evaluate-document.js";
import { problemLine, type Lang, type Problem } from "../case/messages.js";
import { caseWarnings, warningMessage } from "../case/warnings.js";
import { loadFactorLibrary } from "../factors/load.js";
import { text } from "../i18n/catalogue.js";
import { sqliteDatabaseFile } from "../store/sqlite-location.js";
import { backupCommand, restoreCommand } from "./backup-command.js";
import { listFactors } from "./factors-command.js";
import { tokenCommand } from "./token-command.js";
import { uncertaintyOptions } from "./uncertainty-options.js";
import { defaultLang, parseCliArgs } from "./cli-args.js";
import { readCaseFile } from "./case-file.js";
import { resultTable } from "./table.js";

export type Io = { out: (text: string) => void; err: (text: string) => void };

function readCase(file: string | undefined, io: Io, lang: Lang): { ok: true; value: unknown } | { ok: false } {
  if (!file) {
    io.err(text(lang, "cli.usage"));
    return { ok: false };
  }
  return readCaseFile(file, io, lang);
}

function reportProblems(problems: Problem[], io: Io, lang: Lang): void {
  for (const p of problems) io.err(problemLine(p, lang));
}

/** The exit status; a promise of it for `backup`, whose copy runs asynchronously. */
export function run(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): number | Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n${text(defaultLang(env), "cli.usage")}`);
    return 2;
  }
  const { values, positionals } = args;
  const [command, target] = positionals;
  const lang: Lang = values.lang === "nb" || values.lang === "en" ? values.lang : defaultLang(env);
  if (values.help || command === undefined || command === "help") {
    io.out(text(lang, "cli.usage"));
    return command === undefined && !values.help ? 2 : 0;
  }
  if (command === "screen") return import("./screen-command.js").then((m) => m.screenFromArgs(args, io, env));
  if (command === "template") return import("./template-command.js").then((m) => m.templateFromArgs(args, io, env));
  if (command === "import-bid") return import("./import-bid-command.js").then((m) => m.importBidFromArgs(args, io, env));
  if (values.format !== "json" && values.format !== "table") {
    io.err(text(lang, "cli.bad-format"));
    return 2;
  }
  if (command === "backup" || command === "restore") {
    if (!target) return io.err(text(lang, "cli.usage")), 2;
    const liveFile = sqliteDatabaseFile(env);
    if (command === "restore") return restoreCommand(target, { liveFile, lang, env, now: new Date() }, io);
    return backupCommand(target, { liveFile, force: values.force === true, lang, env }, io);
  }
  if (command === "token") {
    if (target !== "create") return io.err(text(lang, "cli.usage")), 2;
    return tokenCommand({ email: values.email, organisation: values.organisation, name: values.name, lang, env }, io);
  }
  const library = loadFactorLibrary();
  if (command === "factors") return listFactors(library, { search: positionals.slice(1).join(" "), group: values.group, unit: values.unit, source: values.source, set: values.set, lang }, io);
  if (command !== "evaluate" && command !== "validate") {
    io.err(`${text(lang, "cli.unknown-command", { command })}\n${text(lang, "cli.usage")}`);
    return 2;
  }
  const input = readCase(target, io, lang);
  if (!input.ok) return 2;
  if (command === "validate") {
    const checked = checkCase(input.value, library);
    if (!checked.ok) return reportProblems(checked.problems, io, lang), 2;
    // Valid, but perhaps not meant: said on stderr with the path in the file, like problems, and exit 0.
    for (const w of caseWarnings(checked.doc, checked.context)) io.err(text(lang, "cli.warning", { place: w.path, message: warningMessage(w, lang) }));
    io.out(text(lang, "cli.valid", { file: target }));
    return 0;
  }
  const monteCarlo = uncertaintyOptions({ samples: values.samples, seed: values.seed, costRange: values["cost-range"] });
  if (!monteCarlo.ok) return io.err(text(lang, `cli.uncertainty.${monteCarlo.refusal}`)), 2;
  const evaluation = evaluateDocument(input.value, library);
  if (!evaluation.ok) return reportProblems(evaluation.problems, io, lang), 2;
  if (monteCarlo.options !== null) return import("./evaluate-uncertainty.js").then((m) => m.printWithUncertainty(evaluation, monteCarlo.options!, values.format as "json" | "table", lang, io));
  io.out(values.format === "table" ? resultTable(evaluation.doc.title, evaluation.core, lang, { warnings: evaluation.warnings, document: evaluation.doc, resolved: evaluation.resolved }) : JSON.stringify(evaluation.result, null, 2));
  return 0;
}
