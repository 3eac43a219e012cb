/** (Being built.) */
import { Router } from "express";
import type { AppContext } from "../context.js";

export function exportRoutes(_ctx: AppContext): Router {
  return Router();
}
