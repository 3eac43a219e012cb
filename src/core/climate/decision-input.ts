/**
 * What a buyer enters to record the decision of a case, read by one strict
 * zod schema into a DecisionInput, with every problem at once and its path
 * (["chosen"], ["contractStart"], ["contractMonths"], ["category"],
 * ["strategyArea"], ["note"], ["caseId"]).
 *
 * Rules (docs/climate.md, "Recording a decision"):
 * - chosen: one of the case's alternatives (by id);
 * - contractStart: a month written "YYYY-MM", from 2000-01 to 2100-12;
 * - contractMonths: a whole number from 1 to 600 (50 years), as a number
 *   or as digits (a form sends text);
 * - category and strategyArea: known ids (categories.ts);
 * - note: optional, at most 1 000 characters; blank is no note;
 * - caseId: the case's id, 1–200 characters.
 * Only these fields: a form's own fields (such as its CSRF token) are
 * left out by the route before the input gets here.
 *
 * Example: parseDecisionInput({ caseId: "c1", chosen: "electric",
 * contractStart: "2026-07", contractMonths: "24", category: "transport",
 * strategyArea: "climate-environment" }, ["diesel", "electric"]) → ok, with
 * contractMonths 24.
 */
import { z } from "zod";
import type { Problem } from "../../case/messages.js";
import { PURCHASE_CATEGORY_IDS, STRATEGY_AREA_IDS } from "./categories.js";
import { wholeNumberField } from "./input-fields.js";
import { inputProblems, raise } from "./input-problems.js";
import type { DecisionInput } from "./types.js";

export const CONTRACT_MONTHS = { min: 1, max: 600 } as const;
export const CONTRACT_START = { min: "2000-01", max: "2100-12" } as const;
export const MAX_NOTE_LENGTH = 1000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const contractStart = z
  .string()
  .trim()
  .min(1)
  .superRefine((value, ctx) => {
    if (value === "") return;
    if (!MONTH.test(value)) raise(ctx, "decision-month", { value: value.slice(0, 40) });
    // "YYYY-MM" texts sort as the months they name
    else if (value < CONTRACT_START.min || value > CONTRACT_START.max) raise(ctx, "decision-month-range", { value, ...CONTRACT_START });
  });

function decisionSchema(alternatives: readonly string[]) {
  return z.strictObject({
    caseId: z.string().trim().min(1).max(200),
    chosen: z
      .string()
      .trim()
      .min(1)
      .superRefine((id, ctx) => {
        if (id !== "" && !alternatives.includes(id)) raise(ctx, "decision-unknown-alternative", { id: id.slice(0, 80), options: alternatives.join(", ") });
      }),
    contractStart,
    contractMonths: wholeNumberField(CONTRACT_MONTHS.min, CONTRACT_MONTHS.max),
    category: z.enum(PURCHASE_CATEGORY_IDS),
    strategyArea: z.enum(STRATEGY_AREA_IDS),
    note: z
      .string()
      .trim()
      .max(MAX_NOTE_LENGTH)
      .nullable()
      .optional()
      .transform((note) => (note ? note : undefined)),
  });
}

export type DecisionParse = { ok: true; value: DecisionInput } | { ok: false; problems: Problem[] };

export function parseDecisionInput(input: unknown, alternatives: string[]): DecisionParse {
  // reportInput: so that a value of the wrong type is told apart from a missing one
  const parsed = decisionSchema(alternatives).safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: inputProblems(parsed.error, input) };
  const { note, ...rest } = parsed.data;
  return { ok: true, value: note === undefined ? rest : { ...rest, note } };
}
