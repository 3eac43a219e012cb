/**
 * `kalkyle evaluate CASE --samples N [--seed S] [--cost-range P]`: the
 * evaluation's output with the Monte Carlo block, in the JSON result
 * (`uncertainty`) or after the table (P5–P95 per alternative). The engine
 * is loaded only here, when asked for, so a plain `kalkyle evaluate` does
 * not pay for it at start.
 */
import type { Evaluation } from "../case/evaluate-document.js";
import { problemLine, type Lang } from "../case/messages.js";
import { withUncertainty } from "../case/result-json.js";
import { samplesProblem, type UncertaintyOptions } from "../case/uncertainty-bounds.js";
import type { Io } from "./main.js";
import { resultTable } from "./table.js";

type Evaluated = Extract<Evaluation, { ok: true }>;

export async function printWithUncertainty(evaluation: Evaluated, options: UncertaintyOptions, format: "json" | "table", lang: Lang, io: Io): Promise<number> {
  const tooMany = samplesProblem(evaluation.resolved, options.samples, "--samples");
  if (tooMany) return io.err(problemLine(tooMany, lang)), 2;
  const { uncertaintyBlock } = await import("../case/uncertainty.js");
  const block = uncertaintyBlock(evaluation.resolved, evaluation.context, options);
  if (format === "json") {
    io.out(JSON.stringify(withUncertainty(evaluation.result, block), null, 2));
    return 0;
  }
  const { uncertaintyTable } = await import("./uncertainty-table.js");
  const names = new Map(evaluation.resolved.alternatives.map((a) => [a.id, a.name]));
  io.out(`${resultTable(evaluation.doc.title, evaluation.core, lang, { warnings: evaluation.warnings, document: evaluation.doc, resolved: evaluation.resolved })}\n\n${uncertaintyTable(block, names, options.costPercent, lang)}`);
  return 0;
}
