/**
 * One evaluation worker thread: loads the factor library once, then checks
 * or evaluates the documents the pool sends it. Everything it returns is
 * JSON text (evaluation-codec), cheap to pass back and to measure.
 */
import type { MessagePort } from "node:worker_threads";
import { workerData } from "node:worker_threads";
import { checkCase, evaluateDocument } from "../case/evaluate-document.js";
import { encodeEvaluation } from "../case/evaluation-codec.js";
import { loadFactorLibrary } from "../factors/load.js";

export type TaskKind = "check" | "evaluate" | "result";
export type Task = { kind: TaskKind; document: unknown; started: MessagePort };

const library = loadFactorLibrary((workerData as { factorRoot: string }).factorRoot);

export default function run(task: Task): string {
  // The pool's time limit counts from here, not from when the task was queued.
  task.started.postMessage("started");
  task.started.close();
  if (task.kind === "check") {
    const checked = checkCase(task.document, library);
    return JSON.stringify(checked.ok ? { ok: true } : checked);
  }
  const evaluation = evaluateDocument(task.document, library);
  if (task.kind === "result") return JSON.stringify(evaluation.ok ? { ok: true, result: evaluation.result } : evaluation);
  return encodeEvaluation(evaluation, library);
}
