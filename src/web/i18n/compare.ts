import type { AreaText } from "./catalog.js";

export const compareText: AreaText = {
  nb: {},
  en: {},
};
