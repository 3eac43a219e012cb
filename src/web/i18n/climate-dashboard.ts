/**
 * Text of the climate dashboard (Klimanøytral 2027) and its exports (bokmål first, English second).
 */
import type { AreaText } from "./catalog.js";

export const climateDashboardText = {
  nb: {
    "dashboard.title": "Klimanøytral 2027",
  },
  en: {
    "dashboard.title": "Climate-neutral 2027",
  },
} satisfies AreaText;
