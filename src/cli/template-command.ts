/**
 * `kalkyle template CASE.json -o bid.xlsx [--lang nb|en]`: the bidder
 * template of a case, written to a file (docs/bidder-template.md).
 * Exit status: 0 written, 2 the case or the arguments are wrong (every
 * problem with its path), 1 the file could not be written.
 */
import { writeFileSync } from "node:fs";
import { bidTemplate } from "../bids/template.js";
import { checkCase } from "../case/evaluate-document.js";
import { problemLine } from "../case/messages.js";
import { loadFactorLibrary } from "../factors/load.js";
import { text } from "../i18n/catalogue.js";
import { chosenLang, type CliArgs } from "./cli-args.js";
import { readCaseFile } from "./case-file.js";
import type { Io } from "./main.js";

export async function templateFromArgs({ values, positionals }: CliArgs, io: Io, env: NodeJS.ProcessEnv): Promise<number> {
  const lang = chosenLang(values.lang, env);
  const [, caseFile] = positionals;
  const output = values.output;
  if (!caseFile || !output || positionals.length > 2) return io.err(text(lang, "cli.usage")), 2;
  const input = readCaseFile(caseFile, io, lang);
  if (!input.ok) return 2;
  const library = loadFactorLibrary();
  const checked = checkCase(input.value, library);
  if (!checked.ok) {
    for (const p of checked.problems) io.err(problemLine(p, lang));
    return 2;
  }
  const bytes = await bidTemplate(checked.doc, library, { lang });
  try {
    writeFileSync(output, bytes);
  } catch (error) {
    io.err(`${output}: ${(error as Error).message}`);
    return 1;
  }
  io.out(text(lang, "cli.template.written", { file: output }));
  return 0;
}
