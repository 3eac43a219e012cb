/**
 * Sign-in with the municipality's identity provider (OpenID Connect), read
 * from the environment. Optional: without OIDC_ISSUER and OIDC_CLIENT_ID
 * there is no provider and the login page shows the password form only.
 *
 *   OIDC_ISSUER          the provider's issuer URL (https; http only on loopback, for tests)
 *   OIDC_CLIENT_ID       the client id registered there
 *   OIDC_CLIENT_SECRET   its secret; unset for a public client (PKCE only)
 *   OIDC_REDIRECT_URI    the callback as registered; else PUBLIC_URL + /login/oidc/callback;
 *                        else the address the browser used
 *   OIDC_NAME            the provider's name on the button ("Entra ID", "ID-porten"; default "OpenID Connect")
 *   OIDC_SCOPES          default "openid email profile"
 *   OIDC_ORGANISATION    the id of the organisation new users join (default: the first organisation)
 *   OIDC_DEFAULT_ROLE    their role there (default buyer)
 *
 * Example: oidcSettingsFrom({ OIDC_ISSUER: "https://login.microsoftonline.com/<tenant>/v2.0", OIDC_CLIENT_ID: "…" }, "org1")
 *   → { issuer: URL, clientId: "…", displayName: "OpenID Connect", join: { organisationId: "org1", role: "buyer" }, … }
 */
import { createHash, randomBytes } from "node:crypto";
import { isRole, type Role } from "../../store/accounts.js";

export const CALLBACK_PATH = "/login/oidc/callback";

export type OidcSettings = {
  issuer: URL;
  clientId: string;
  clientSecret?: string;
  /** Where the provider sends the browser back; undefined: derived from the request. */
  redirectUri?: string;
  displayName: string;
  scopes: string;
  /** Which organisation a user signing in for the first time joins, and with which role. */
  join: { organisationId: string; role: Role };
  /** Signs the cookie that keeps state, nonce and PKCE verifier between the two requests. */
  stateKey: Buffer;
};

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The settings, or undefined when no provider is configured; throws naming the variable that is wrong. */
export function oidcSettingsFrom(env: NodeJS.ProcessEnv, firstOrganisationId: string): OidcSettings | undefined {
  const issuerText = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!issuerText && !clientId) return undefined;
  if (!issuerText || !clientId) throw new Error("OIDC_ISSUER and OIDC_CLIENT_ID must both be set to sign in with an identity provider");
  const issuer = parseUrl(issuerText, "OIDC_ISSUER");
  if (issuer.protocol !== "https:" && !(issuer.protocol === "http:" && LOOPBACK.has(issuer.hostname))) throw new Error("OIDC_ISSUER must be an https URL");
  const role = env.OIDC_DEFAULT_ROLE?.trim() || "buyer";
  if (!isRole(role)) throw new Error(`OIDC_DEFAULT_ROLE must be one of buyer, adviser, finance, admin (not "${role}")`);
  const clientSecret = env.OIDC_CLIENT_SECRET || undefined;
  const publicUrl = env.PUBLIC_URL?.trim().replace(/\/+$/, "");
  const redirectUri = env.OIDC_REDIRECT_URI?.trim() || (publicUrl ? `${publicUrl}${CALLBACK_PATH}` : undefined);
  if (redirectUri) parseUrl(redirectUri, env.OIDC_REDIRECT_URI ? "OIDC_REDIRECT_URI" : "PUBLIC_URL");
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    displayName: env.OIDC_NAME?.trim() || "OpenID Connect",
    scopes: env.OIDC_SCOPES?.trim() || "openid email profile",
    join: { organisationId: env.OIDC_ORGANISATION?.trim() || firstOrganisationId, role },
    // With a client secret every process derives the same key; a public client gets one per process.
    stateKey: clientSecret ? createHash("sha256").update(`kalkyle oidc state\u0000${clientSecret}`).digest() : randomBytes(32),
  };
}

function parseUrl(text: string, variable: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new Error(`${variable} is not a URL: ${text}`);
  }
}
