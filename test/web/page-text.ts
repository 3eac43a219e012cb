/**
 * Reading a rendered page as a user reads it, for the finance page's and
 * the decision memo's tests: its text without markup, a table's rows by
 * the id of its caption, and whole kroner as the pages write them in bokmål.
 */
import { expect } from "vitest";

/** The page's text: tags as spaces, Handlebars' entities decoded, runs of white space as one. */
export function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#x3D;/g, "=")
    .replace(/&amp;/g, "&")
    .replace(/[ \t\r\n]+/g, " ")
    .trim();
}

/** The rows of the table whose caption has this id, each as its cells' text. */
export function tableRows(html: string, captionId: string): string[][] {
  const start = html.indexOf(`<caption id="${captionId}">`);
  expect(start, captionId).toBeGreaterThan(0);
  const body = html.slice(html.indexOf("<tbody>", start), html.indexOf("</tbody>", start));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1]!)));
}

/** Whole kroner as the page writes them in bokmål: groups with U+00A0, the minus sign U+2212. */
export const kr = (n: number) => new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 0 }).format(n);
