/**
 * GET /healthz: the server's thread is answering. For a load balancer or a
 * monitor; mounted before sessions and CSRF, so it sets no cookie, reads and
 * writes nothing in the database and never waits for the evaluation pool.
 * A slow answer means the event loop is busy, which is what it measures.
 */
import { Router } from "express";

export function healthRoutes(): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  return router;
}
