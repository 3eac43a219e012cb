/**
 * The fast evaluator: a case compiled once (`compileCase`), then evaluated
 * in plain numbers as often as needed (`evaluateCompiled`), for the paths
 * that evaluate a case again and again (pages, the API, sensitivity,
 * Monte Carlo). The result has the exact core's shape with numbers for
 * Decimals (`NumericCoreResult`); what is stored, exported or filed still
 * comes from the exact core.
 *
 * Example:
 *   const compiled = compileCase(resolved);
 *   const result = evaluateCompiled(compiled); // result.alternatives[i].emissions.totalKg: number
 */
export { compileCase } from "./compile.js";
export { evaluateCompiled } from "./evaluate.js";
export { TIE_TOLERANCE } from "./figures.js";
export type { CompiledCase, InNumbers, NumericAlternativeResult, NumericCoreResult, NumericEmissionsResult, NumericLccResult } from "./types.js";
