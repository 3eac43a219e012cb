/** Static browser files: our CSS and scripts from public/, Chart.js from node_modules (no CDN). */
import express, { Router } from "express";
import { createRequire } from "node:module";
import { dirname } from "node:path";

const require = createRequire(import.meta.url);
const PUBLIC_DIR = new URL("../../public/", import.meta.url).pathname;

export function staticFiles(): Router {
  const router = Router();
  const chartDir = dirname(require.resolve("chart.js"));
  const options = { maxAge: "1h", index: false, dotfiles: "ignore" as const };
  router.use("/static", express.static(PUBLIC_DIR, options));
  router.use("/vendor/chart.js", express.static(chartDir, options));
  return router;
}
