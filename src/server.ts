/**
 * Starts Kalkyle on its embedded default: SQLite under ./data, the bundled
 * factor sets, the example cases seeded on the very first start.
 * PORT (default 3000), DATA_DIR (default ./data), COOKIE_SECURE=1 behind HTTPS,
 * TRUST_PROXY behind a proxy that sets X-Forwarded-For, DATABASE_URL to run
 * on PostgreSQL instead of SQLite; every variable is in the README. Stops gracefully on SIGTERM and SIGINT (web/shutdown.ts).
 */
import { loadFactorLibrary } from "./factors/load.js";
import { firstStart } from "./app/first-start.js";
import { loadExampleCases } from "./examples.js";
import { openStore } from "./store/open-store.js";
import { createKalkyleApp } from "./web/kalkyle-app.js";
import { createLogger } from "./web/logger.js";
import { oidcSettingsFrom } from "./web/oidc/settings.js";
import { chromiumPdfRenderer } from "./web/pdf.js";
import { graceMsOf, stopOnSignals } from "./web/shutdown.js";

const port = Number(process.env.PORT ?? 3000);
const logger = createLogger();
const graceMs = graceMsOf();

const library = loadFactorLibrary();
const store = await openStore(process.env);
// First start: one organisation, its administrator and the examples; the generated password is printed once.
const first = await firstStart(store, process.env, loadExampleCases());
if (first.created) console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", message: "first start: organisation and administrator created", adminEmail: first.adminEmail, seeded: first.seeded }));
if (first.password) console.log(`\nKalkyle's administrator: ${first.adminEmail}\nPassword (shown this once; change it on "My page"): ${first.password}\n`);
const seeded = first.seeded;
// Sign-in with the municipality's identity provider, when OIDC_ISSUER and OIDC_CLIENT_ID are set; new users join OIDC_ORGANISATION (default the first).
const oidc = oidcSettingsFrom(process.env, first.organisationId);
if (oidc && !(await store.accounts.organisation(oidc.join.organisationId))) throw new Error(`OIDC_ORGANISATION: no organisation with the id "${oidc.join.organisationId}"`);
const pdf = chromiumPdfRenderer();
// TRUST_PROXY: the client's address for login throttling is read from X-Forwarded-For, set by the proxy in front.
const trustProxy = process.env.TRUST_PROXY?.trim() || undefined;
const { app, setPort, close: closeApp } = createKalkyleApp({ store, library, pdf, logger, secureCookie: process.env.COOKIE_SECURE === "1", trustProxy, oidc });

const server = app.listen(port, () => {
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  setPort(actual);
  logger.info({ port: actual, seeded, store: store.kind, factorSet: library.newest }, `Kalkyle listening on http://localhost:${actual}`);
});

// SIGTERM or SIGINT: the requests in progress finish (SHUTDOWN_GRACE_SECONDS, default 10), then the PDF renderer, the pool and the store close.
stopOnSignals({ server, logger, graceMs, resources: [() => pdf.close(), closeApp, () => store.close()] });
