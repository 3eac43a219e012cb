/** Usage: {{#if (eq a b)}} — strict equality, for selected options and current language. */
export const name = "eq";
export function helper(a: unknown, b: unknown): boolean {
  return a === b;
}
