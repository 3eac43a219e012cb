/**
 * Reading the case editor's HTML in tests: `decode` undoes the entities
 * Handlebars writes; `formFields` lists every field the editor form would
 * submit, as a browser would (text and hidden inputs, ticked checkboxes,
 * selected options).
 */
const ENTITIES: Record<string, string> = { "&quot;": '"', "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#x27;": "'", "&#x60;": "`", "&#x3D;": "=" };
export const decode = (s: string) => s.replace(/&(quot|amp|lt|gt|#x27|#x60|#x3D);/g, (e) => ENTITIES[e]!);

export function formFields(html: string): [string, string][] {
  const start = html.indexOf('id="case-form"');
  const form = html.slice(start, html.indexOf("</form>", start));
  const fields: [string, string][] = [];
  for (const [tag] of form.matchAll(/<input type="(?:text|hidden)"[^>]*>/g)) {
    fields.push([decode(/ name="([^"]*)"/.exec(tag)![1]!), decode(/ value="([^"]*)"/.exec(tag)?.[1] ?? "")]);
  }
  for (const [tag] of form.matchAll(/<input type="checkbox"[^>]*>/g)) {
    if (/ checked[ >]/.test(tag)) fields.push([decode(/ name="([^"]*)"/.exec(tag)![1]!), decode(/ value="([^"]*)"/.exec(tag)?.[1] ?? "on")]);
  }
  for (const [, name, options] of form.matchAll(/<select id="[^"]*" name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const chosen = /<option value="([^"]*)" selected>/.exec(options!) ?? /<option value="([^"]*)"/.exec(options!);
    fields.push([decode(name!), decode(chosen?.[1] ?? "")]);
  }
  return fields;
}
