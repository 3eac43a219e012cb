/** (Being built.) */
import { Router } from "express";
import type { AppContext } from "../context.js";

export function factorRoutes(_ctx: AppContext): Router {
  return Router();
}
