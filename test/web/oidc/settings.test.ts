import { describe, expect, it } from "vitest";
import { oidcSettingsFrom } from "../../../src/web/oidc/settings.js";

const BASE = { OIDC_ISSUER: "https://login.microsoftonline.com/tenant/v2.0", OIDC_CLIENT_ID: "kalkyle" };

describe("the identity provider's settings from the environment", () => {
  it("no OIDC_ISSUER and no OIDC_CLIENT_ID: no provider, the password form only", () => {
    expect(oidcSettingsFrom({}, "org1")).toBeUndefined();
  });

  it("one without the other is refused, naming both", () => {
    expect(() => oidcSettingsFrom({ OIDC_ISSUER: BASE.OIDC_ISSUER }, "org1")).toThrow(/OIDC_ISSUER and OIDC_CLIENT_ID/);
    expect(() => oidcSettingsFrom({ OIDC_CLIENT_ID: "x" }, "org1")).toThrow(/OIDC_ISSUER and OIDC_CLIENT_ID/);
  });

  it("new users join the first organisation as buyers unless OIDC_ORGANISATION and OIDC_DEFAULT_ROLE say otherwise", () => {
    expect(oidcSettingsFrom(BASE, "org1")).toMatchObject({ clientId: "kalkyle", displayName: "OpenID Connect", scopes: "openid email profile", redirectUri: undefined, join: { organisationId: "org1", role: "buyer" } });
    expect(oidcSettingsFrom({ ...BASE, OIDC_ORGANISATION: "org2", OIDC_DEFAULT_ROLE: "adviser", OIDC_NAME: "Entra ID" }, "org1")).toMatchObject({ displayName: "Entra ID", join: { organisationId: "org2", role: "adviser" } });
    expect(() => oidcSettingsFrom({ ...BASE, OIDC_DEFAULT_ROLE: "owner" }, "org1")).toThrow(/OIDC_DEFAULT_ROLE/);
  });

  it("the redirect URI is OIDC_REDIRECT_URI, else PUBLIC_URL with the callback's path", () => {
    expect(oidcSettingsFrom({ ...BASE, PUBLIC_URL: "https://kalkyle.kommune.no/" }, "o")!.redirectUri).toBe("https://kalkyle.kommune.no/login/oidc/callback");
    expect(oidcSettingsFrom({ ...BASE, PUBLIC_URL: "https://a.no", OIDC_REDIRECT_URI: "https://b.no/login/oidc/callback" }, "o")!.redirectUri).toBe("https://b.no/login/oidc/callback");
    expect(() => oidcSettingsFrom({ ...BASE, PUBLIC_URL: "kalkyle.kommune.no" }, "o")).toThrow(/PUBLIC_URL/);
  });

  it("the issuer must be https, except on a loopback address", () => {
    expect(() => oidcSettingsFrom({ ...BASE, OIDC_ISSUER: "http://idp.kommune.no" }, "o")).toThrow(/https/);
    expect(oidcSettingsFrom({ ...BASE, OIDC_ISSUER: "http://127.0.0.1:4000" }, "o")!.issuer.href).toBe("http://127.0.0.1:4000/");
  });

  it("with a client secret every process derives the same key for the sign-in cookie; without one each has its own", () => {
    const secret = { ...BASE, OIDC_CLIENT_SECRET: "s3cret" };
    expect(oidcSettingsFrom(secret, "o")!.stateKey.equals(oidcSettingsFrom(secret, "o")!.stateKey)).toBe(true);
    expect(oidcSettingsFrom(BASE, "o")!.stateKey.equals(oidcSettingsFrom(BASE, "o")!.stateKey)).toBe(false);
  });
});
