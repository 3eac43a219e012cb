/**
 * Text of the climate plan page (baseline, target path, compensation price) and of the decisions register and the form that records a case's decision (bokmål first, English second).
 */
import type { AreaText } from "./catalog.js";

export const climatePlanText = {
  nb: {
    "plan.title": "Utgangspunkt og målbane",
  },
  en: {
    "plan.title": "Baseline and target path",
  },
} satisfies AreaText;
