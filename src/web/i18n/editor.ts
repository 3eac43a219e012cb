import type { AreaText } from "./catalog.js";

export const editorText: AreaText = {
  nb: {},
  en: {},
};
