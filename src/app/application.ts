/**
 * The application layer in one object: the use cases that the HTML
 * routes, the JSON API and the command line call. It owns permissions
 * (policy.ts), the store's organisation scope and, through the store's
 * units of work, transactions and the audit trail.
 */
import type { FactorLibrary } from "../factors/factor-set.js";
import type { EvaluationPool } from "../pool/evaluation-pool.js";
import type { Store } from "../store/store.js";
import { accountUseCases } from "./accounts.js";
import { auditUseCases } from "./audit-trail.js";
import { bidUseCases } from "./bids.js";
import { caseUseCases } from "./cases.js";
import { climateUseCases } from "./climate.js";
import { decisionUseCases } from "./decisions.js";
import { ledgerUseCases } from "./ledgers.js";
import { providerSignInUseCases } from "./provider-sign-in.js";
import { tokenUseCases } from "./tokens.js";

export function createApplication(services: { store: Store; pool: EvaluationPool; library: FactorLibrary }) {
  const ledgers = ledgerUseCases(services);
  return {
    cases: caseUseCases(services),
    bids: bidUseCases(services),
    accounts: accountUseCases(services),
    tokens: tokenUseCases(services),
    audit: auditUseCases(services),
    providerSignIn: providerSignInUseCases(services),
    climate: climateUseCases({ store: services.store, screening: ledgers.screening }),
    decisions: decisionUseCases(services),
    ledgers,
  };
}

export type Application = ReturnType<typeof createApplication>;
