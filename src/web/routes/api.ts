/** (Being built.) */
import { Router } from "express";
import type { AppContext } from "../context.js";

export function apiRoutes(_ctx: AppContext): Router {
  return Router();
}
