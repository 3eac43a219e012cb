/**
 * The adviser's mapping rules as they arrive from a form, the API or a
 * `--mapping` file: checked at the edge into MappingRule[], every problem
 * with its place ("rules[2].target.factor"). A rule's factor must be a
 * spend factor of the factor set the screening uses; an account is the
 * digits of an account or of its start (a prefix: "115" covers "11500");
 * an organisation number is nine digits.
 */
import { z } from "zod";
import type { Problem } from "../case/messages.js";
import { formatPath } from "../case/paths.js";
import { zodProblems } from "../case/zod-problems.js";
import { PURCHASE_CATEGORY_IDS } from "../core/climate/categories.js";
import type { FactorSet } from "../factors/factor-set.js";
import type { MappingRule } from "./types.js";

/** The most rules one organisation keeps: far above any chart of accounts, low enough that matching stays cheap. */
export const MAX_RULES = 2_000;

const text = (max: number) => z.string().trim().min(1).max(max);

const ruleSchema = z.strictObject({
  match: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("account"), account: z.string().trim().regex(/^\d{1,12}$/) }),
    z.strictObject({ kind: z.literal("supplier"), orgNumber: z.string().transform((s) => s.replace(/\s/g, "")).pipe(z.string().regex(/^\d{9}$/)) }),
    z.strictObject({ kind: z.literal("supplier-name"), name: text(200) }),
    z.strictObject({ kind: z.literal("keyword"), keyword: text(100) }),
  ]),
  target: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("factor"), factor: text(200), category: z.enum(PURCHASE_CATEGORY_IDS as [string, ...string[]]) }),
    z.strictObject({ kind: z.literal("out-of-scope") }),
  ]),
  reason: z.string().trim().max(500).default(""),
});

const rulesSchema = z.array(ruleSchema).max(MAX_RULES);

export function parseMappingRules(input: unknown, factorSet: FactorSet): { ok: true; value: MappingRule[] } | { ok: false; problems: Problem[] } {
  const parsed = rulesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error).map((p) => ({ ...p, path: `rules${p.path.startsWith("[") || p.path === "" ? "" : "."}${p.path}` })) };
  const problems: Problem[] = [];
  parsed.data.forEach((rule, i) => {
    if (rule.target.kind !== "factor") return;
    const record = factorSet.records.get(rule.target.factor);
    if (record === undefined || record.group !== "spend") problems.push({ path: formatPath(["rules", i, "target", "factor"]), code: "unknown-factor", params: { id: rule.target.factor, set: factorSet.id } });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data as MappingRule[] };
}
