/**
 * Probes for a load balancer or a monitor, mounted before sessions and CSRF,
 * so neither sets a cookie or writes anything, and neither waits for the
 * evaluation pool:
 *
 * - GET /healthz: the server's thread is answering; reads nothing. A slow
 *   answer means the event loop is busy, which is what it measures.
 * - GET /readyz: the database answers a trivial query too, within
 *   READY_TIMEOUT_MS: 200 {"status":"ready"}, else 503
 *   {"status":"unavailable"} (a database that is down, unreachable or too
 *   slow), so that traffic goes to another process meanwhile.
 */
import { Router } from "express";
import type { Store } from "../../store/store.js";

/** How long /readyz waits for the database before it says 503. */
export const READY_TIMEOUT_MS = 2_000;

/** Resolves true when `ping` settles in time and without error, false otherwise; never rejects. */
async function answersWithin(ping: () => Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const answered = ping().then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(store: Pick<Store, "ping">): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const ready = await answersWithin(() => store.ping(), READY_TIMEOUT_MS);
    res.set("Cache-Control", "no-store");
    if (ready) res.json({ status: "ready" });
    else res.status(503).set("Retry-After", "5").json({ status: "unavailable" });
  });
  return router;
}
