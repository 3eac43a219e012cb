/**
 * The climate adviser's use cases for Klimanøytral 2027: the climate plan
 * (baseline, target path, compensation price; every save a new version,
 * audited by the store) and the dashboard, which sets the screened
 * ledger and the recorded decisions against the target path. Like every
 * use case, each names its action for the policy first and reaches the
 * organisation's data only through the store's scope.
 */
import { dashboardFigures } from "../core/climate/dashboard.js";
import { parsePlan } from "../core/climate/plan-input.js";
import { yearTargets } from "../core/climate/target-path.js";
import type { ClimatePlanDocument, ClimatePlanVersion, DashboardFigures, DecisionRecord, YearTarget } from "../core/climate/types.js";
import type { ScreeningResult } from "../ledger/types.js";
import type { Store } from "../store/store.js";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors.js";
import { authorize } from "./policy.js";
import { scopeOf, type Principal } from "./principal.js";

export type Dashboard = { figures: DashboardFigures; plan: ClimatePlanVersion | null; targets: YearTarget[]; decisions: DecisionRecord[]; screening: ScreeningResult | null };

export function climateUseCases({ store, screening }: { store: Store; screening: (p: Principal) => Promise<ScreeningResult | null> }) {
  const climateOf = (p: Principal) => store.scoped(scopeOf(p)).climate;
  const targets = (plan: ClimatePlanDocument): YearTarget[] => yearTargets(plan.target);

  return {
    async plan(p: Principal): Promise<ClimatePlanVersion | null> {
      authorize(p, "climate.read");
      return climateOf(p).plan();
    },
    async planVersions(p: Principal): Promise<Omit<ClimatePlanVersion, "document">[]> {
      authorize(p, "climate.read");
      return climateOf(p).planVersions();
    },
    async planVersion(p: Principal, version: number): Promise<ClimatePlanVersion> {
      authorize(p, "climate.read");
      const found = Number.isSafeInteger(version) && version > 0 ? await climateOf(p).planVersion(version) : null;
      if (found === null) throw new NotFoundError();
      return found;
    },
    /** A new version of the plan; ConflictError when `expectedVersion` (0: none yet) is no longer the newest. */
    async savePlan(p: Principal, input: unknown, expectedVersion: number): Promise<ClimatePlanVersion> {
      authorize(p, "climate.plan");
      const parsed = parsePlan(input);
      if (!parsed.ok) throw new InvalidInputError(parsed.problems);
      const outcome = await climateOf(p).savePlan(parsed.value, expectedVersion);
      if (!outcome.ok) throw new ConflictError("version");
      return outcome.saved;
    },
    /** The names of the users who saved plan versions or recorded decisions, by id (an account since removed keeps no name). */
    async names(p: Principal, userIds: readonly (string | null)[]): Promise<Record<string, string>> {
      authorize(p, "climate.read");
      const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
      const users = await Promise.all(ids.map((id) => store.accounts.user(id)));
      return Object.fromEntries(users.flatMap((u) => (u === null ? [] : [[u.id, u.name.trim() === "" ? u.email : u.name]])));
    },
    /** The calendar years the plan's target path draws (pure: no permission needed beyond holding the plan). */
    targets,
    async dashboard(p: Principal): Promise<Dashboard> {
      authorize(p, "climate.read");
      const climate = climateOf(p);
      const [plan, decisions, screened] = await Promise.all([climate.plan(), climate.decisions(), screening(p)]);
      const figures = dashboardFigures({ plan: plan?.document ?? null, planVersion: plan?.version ?? null, decisions, screening: screened });
      return { figures, plan, targets: plan ? targets(plan.document) : [], decisions, screening: screened };
    },
  };
}

export type ClimateUseCases = ReturnType<typeof climateUseCases>;
