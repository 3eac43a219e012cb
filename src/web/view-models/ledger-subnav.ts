/**
 * The links between the ledger screening's pages (the imports, the
 * screening's answer, the account mapping) and the climate dashboard, the
 * current page marked with aria-current. Rendered by
 * views/partials/ledger-subnav.hbs.
 */
import type { Lang } from "../../case/messages.js";
import { translate } from "../i18n/catalog.js";

export type LedgerPage = "imports" | "screening" | "mapping";

export function climateSubnav(current: LedgerPage | null, lang: Lang) {
  const link = (page: LedgerPage, href: string, key: "ledgers.nav.imports" | "ledgers.nav.screening" | "ledgers.nav.mapping") => ({ href, label: translate(lang, key), current: page === current });
  return {
    label: translate(lang, "ledgers.nav.label"),
    links: [
      { href: "/climate", label: translate(lang, "ledgers.nav.dashboard"), current: false },
      link("imports", "/climate/ledgers", "ledgers.nav.imports"),
      link("screening", "/climate/screening", "ledgers.nav.screening"),
      link("mapping", "/climate/mapping", "ledgers.nav.mapping"),
    ],
  };
}
