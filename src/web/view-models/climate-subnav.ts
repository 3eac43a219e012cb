/**
 * The Klimanøytral 2027 pages' own navigation, shown under the heading of
 * each (views/partials/climate-subnav.hbs): the overview, the plan, the
 * decisions register, the ledgers, the screening and the account mapping,
 * the page one is on marked with aria-current.
 *
 * Example: climateSubnav("overview", "nb")[0] → { href: "/climate", label: "Oversikt", current: true }
 */
import type { Lang } from "../../case/messages.js";
import { translate, type MessageKey } from "../i18n/catalog.js";

export const CLIMATE_PAGES = ["overview", "plan", "decisions", "ledgers", "screening", "mapping"] as const;
export type ClimatePage = (typeof CLIMATE_PAGES)[number];

const HREFS: Record<ClimatePage, string> = {
  overview: "/climate",
  plan: "/climate/plan",
  decisions: "/climate/decisions",
  ledgers: "/climate/ledgers",
  screening: "/climate/screening",
  mapping: "/climate/mapping",
};

export const climateHref = (page: ClimatePage): string => HREFS[page];

export function climateSubnav(current: ClimatePage, lang: Lang): { label: string; items: { href: string; label: string; current: boolean }[] } {
  return {
    label: translate(lang, "dashboard.subnav"),
    items: CLIMATE_PAGES.map((page) => ({ href: HREFS[page], label: translate(lang, `dashboard.subnav.${page}` as MessageKey), current: page === current })),
  };
}
