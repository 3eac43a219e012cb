/**
 * The servers the web benchmark loads, each in its own process so that the
 * load generator does not share their event loop:
 *   kalkyle — the real app on a seeded SQLite database (200 cases × 5 alternatives);
 *   bare    — a bare Express page rendering the same layout with a static body.
 * Prints one JSON line with the URL (and, for kalkyle, a case id, a session cookie and the administrator's e-mail and password).
 */
import express from "express";
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firstStart } from "../src/app/first-start.js";
import { loadExampleCases } from "../src/examples.js";
import { SYSTEM_ACTOR } from "../src/store/store.js";
import { loadFactorLibrary } from "../src/factors/load.js";
import { openSqliteStore } from "../src/store/sqlite-store.js";
import { createKalkyleApp } from "../src/web/kalkyle-app.js";
import { silentLogger } from "../src/web/logger.js";
import { chromiumPdfRenderer } from "../src/web/pdf.js";
import { createViewEngine } from "../src/web/views.js";

/** Five alternatives from the examples' items, so the page has real work to do. */
function fiveAlternatives(example: Record<string, unknown>, n: number): Record<string, unknown> {
  const alternatives = example.alternatives as Record<string, unknown>[];
  const five = Array.from({ length: 5 }, (_, i) => ({ ...alternatives[i % alternatives.length]!, id: `A${i + 1}`, name: `Alternativ ${i + 1}` }));
  return { ...example, title: `${String(example.title)} #${n}`, alternatives: five, baseline: "A1" };
}

function listen(app: express.Express): Promise<string> {
  return new Promise((resolve) => {
    const server = app.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

if (process.argv[2] === "bare") {
  const views = createViewEngine();
  const bare = express();
  bare.get("/", (_req, res) => {
    res.type("html").send(views.render("error", { lang: "nb", otherLang: "en", csrfToken: "x", currentPath: "/", factorSet: "2025-1", status: 200, message: "bare" }));
  });
  console.log(JSON.stringify({ url: await listen(bare) }));
} else {
  const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), "kalkyle-bench-")), "bench.db"));
  const examples = loadExampleCases();
  // One organisation and its administrator, signed in below as a browser would be.
  const password = "bench-administrator-password";
  const first = await firstStart(store, { KALKYLE_ADMIN_EMAIL: "bench@kalkyle.local", KALKYLE_ADMIN_PASSWORD: password }, []);
  const cases = store.scoped({ organisationId: first.organisationId, actor: SYSTEM_ACTOR }).cases;
  let caseId = "";
  for (let n = 0; n < 200; n++) {
    const saved = await cases.create(fiveAlternatives(examples[n % examples.length]!, n));
    if (n === 0) caseId = saved.id;
  }
  const kalkyle = createKalkyleApp({ store, library: loadFactorLibrary(), pdf: chromiumPdfRenderer(), logger: silentLogger() });
  const url = await listen(kalkyle.app);
  kalkyle.setPort(Number(new URL(url).port));
  const form = await fetch(`${url}/login`);
  const preSession = form.headers.getSetCookie()[0]?.split(";")[0] ?? "";
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
  const login = await fetch(`${url}/login`, { method: "POST", redirect: "manual", headers: { cookie: preSession, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ _csrf: token, email: "bench@kalkyle.local", password }) });
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith("kalkyle_sid="))?.split(";")[0] ?? "";
  console.log(JSON.stringify({ url, caseId, cookie, email: "bench@kalkyle.local", password }));
}
