/**
 * One evaluation worker thread: loads the factor library once, then checks
 * or evaluates the documents the pool sends it; a document sent as the
 * bytes of its JSON text (an API request's body) is parsed here, nesting
 * counted first, so the server's thread never parses what it refuses.
 * Everything it returns is JSON text (evaluation-codec), cheap to pass
 * back and to measure; a result's text comes apart from its status, so
 * that it can be sent on as it is.
 */
import type { MessagePort } from "node:worker_threads";
import { workerData } from "node:worker_threads";
import { checkCase, evaluateDocument, parseJsonBytes } from "../case/evaluate-document.js";
import { encodeEvaluation } from "../case/evaluation-codec.js";
import { financeView, type FinanceRequest } from "../case/finance-view.js";
import type { Problem } from "../case/messages.js";
import { loadFactorLibrary } from "../factors/load.js";
import { samplesProblem, type UncertaintyOptions } from "../case/uncertainty-bounds.js";
import { uncertaintyBlock } from "../case/uncertainty.js";
import { withUncertainty } from "../case/result-json.js";

export type TaskKind = "check" | "evaluate" | "result" | "finance";
/** `document`: the parsed document, or the bytes of its JSON text; `finance`: what a "finance" task is asked for; `uncertainty` (a "result" task): add the Monte Carlo block. */
export type Task = { kind: TaskKind; document: unknown; started: MessagePort; finance?: FinanceRequest; uncertainty?: UncertaintyOptions };
/** What a "result" task answers: the result document's JSON text, or every problem. */
export type ResultAnswer = { ok: true; text: string } | { ok: false; problems: Problem[] };

const library = loadFactorLibrary((workerData as { factorRoot: string }).factorRoot);

export default function run(task: Task): string | ResultAnswer {
  // The pool's time limit counts from here, not from when the task was queued.
  task.started.postMessage("started");
  task.started.close();
  const input = task.document instanceof Uint8Array ? parseJsonBytes(task.document) : { ok: true as const, value: task.document };
  if (task.kind === "check") {
    const checked = input.ok ? checkCase(input.value, library) : input;
    return JSON.stringify(checked.ok ? { ok: true } : checked);
  }
  const evaluation = input.ok ? evaluateDocument(input.value, library) : input;
  // The finance view (sensitivity, Monte Carlo) as evaluation-codec text, or every problem.
  if (task.kind === "finance") return encodeEvaluation(evaluation.ok ? { ok: true, view: financeView(evaluation, task.finance!) } : evaluation, library);
  if (task.kind === "result") {
    if (!evaluation.ok) return { ok: false, problems: evaluation.problems };
    const tooMany = task.uncertainty && samplesProblem(evaluation.resolved, task.uncertainty.samples, "samples");
    if (tooMany) return { ok: false, problems: [tooMany] };
    const result = task.uncertainty ? withUncertainty(evaluation.result, uncertaintyBlock(evaluation.resolved, evaluation.context, task.uncertainty)) : evaluation.result;
    return { ok: true, text: JSON.stringify(result) };
  }
  return encodeEvaluation(evaluation, library);
}
