/**
 * The OpenID Connect authorization code flow with PKCE (RFC 7636), through
 * openid-client: the provider's metadata is discovered on first use and
 * kept (a failed discovery is tried again on the next sign-in); the
 * browser is sent there with state, nonce and the S256 code challenge;
 * on its return the code is exchanged and the ID token verified by the
 * library (signature, issuer, audience, nonce, expiry). The e-mail and
 * name come from the ID token, or from the userinfo endpoint when the ID
 * token carries no e-mail.
 *
 * Example: const { url, flow } = await begin({ redirectUri, next: "/", now });
 *          … the browser comes back … await finish(flow, query) → { email: "kari@kommune.no", name: "Kari", emailVerified: true }
 */
import * as client from "openid-client";
import type { ProviderIdentity } from "../../app/provider-sign-in.js";
import { FLOW_MS, type Flow } from "./flow-cookie.js";
import type { OidcSettings } from "./settings.js";

/** Why a sign-in at the provider did not give an identity: the user said no, the flow was not this browser's, the provider misbehaved or did not answer. */
export type FlowFailure = "denied" | "state" | "failed" | "unavailable";

export class ProviderFlowError extends Error {
  constructor(
    readonly reason: FlowFailure,
    options?: { cause?: unknown },
  ) {
    super(`sign-in with the identity provider failed: ${reason}`, options);
    this.name = "ProviderFlowError";
  }
}

const NETWORK = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH|UND_ERR_)/;

/** A provider that did not answer, or answered with a server error, is "unavailable"; anything else it answered is "failed". */
function failureOf(error: unknown): ProviderFlowError {
  if (error instanceof ProviderFlowError) return error;
  if (error instanceof client.ResponseBodyError) return new ProviderFlowError(error.status >= 500 ? "unavailable" : "failed", { cause: error });
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (e.name === "TimeoutError" || e.message === "fetch failed" || (typeof code === "string" && NETWORK.test(code))) return new ProviderFlowError("unavailable", { cause: error });
  }
  return new ProviderFlowError("failed", { cause: error });
}

export type ProviderClient = {
  begin(input: { redirectUri: string; next: string; now: number }): Promise<{ url: URL; flow: Flow }>;
  finish(flow: Flow, query: URLSearchParams): Promise<ProviderIdentity>;
};

export function providerClient(settings: OidcSettings): ProviderClient {
  let configuration: Promise<client.Configuration> | undefined;
  const configure = () =>
    (configuration ??= client
      .discovery(settings.issuer, settings.clientId, undefined, settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(), {
        // http is accepted only for a loopback issuer (settings.ts), i.e. a provider started by the tests
        execute: settings.issuer.protocol === "http:" ? [client.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        configuration = undefined;
        throw new ProviderFlowError("unavailable", { cause: error });
      }));

  return {
    async begin({ redirectUri, next, now }) {
      const config = await configure();
      const flow: Flow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), next, redirectUri, expiresAt: now + FLOW_MS };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: settings.scopes,
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: "S256",
      });
      return { url, flow };
    },

    async finish(flow, query) {
      const error = query.get("error");
      if (error) throw new ProviderFlowError(error === "access_denied" ? "denied" : "failed");
      if (query.get("state") !== flow.state) throw new ProviderFlowError("state");
      try {
        const config = await configure();
        const current = new URL(flow.redirectUri);
        current.search = query.toString();
        const tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
        const claims = tokens.claims()!;
        const info: Record<string, unknown> = typeof claims.email === "string" ? claims : { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
        return identityOf(info);
      } catch (e) {
        throw failureOf(e);
      }
    },
  };
}

/** The e-mail, whether the provider says it is verified (undefined when it does not say), and a name to show. */
function identityOf(claims: Record<string, unknown>): ProviderIdentity {
  const text = (key: string) => (typeof claims[key] === "string" ? (claims[key] as string).trim() : "");
  const verified = claims.email_verified;
  const name = text("name") || [text("given_name"), text("family_name")].filter(Boolean).join(" ");
  return { email: text("email") || null, emailVerified: typeof verified === "boolean" ? verified : verified === "true" ? true : verified === "false" ? false : undefined, name: name || null };
}
