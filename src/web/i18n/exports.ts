import type { AreaText } from "./catalog.js";

export const exportsText: AreaText = {
  nb: {},
  en: {},
};
