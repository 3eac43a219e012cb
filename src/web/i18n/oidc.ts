import type { AreaText } from "./catalog.js";

/** Sign-in with the municipality's identity provider: the button and what went wrong. */
export const oidcText = {
  nb: {
    "login.oidc.button": "Logg inn med {provider}",
    "login.oidc.or": "Eller logg inn med e-post og passord:",
    "oidc.denied": "Innloggingen hos {provider} ble avbrutt eller avslått. Prøv igjen, eller logg inn med e-post og passord.",
    "oidc.state": "Innloggingen hos {provider} var utløpt eller ble ikke startet i denne nettleseren. Prøv igjen.",
    "oidc.failed": "Innloggingen hos {provider} mislyktes. Prøv igjen, eller kontakt administratoren.",
    "oidc.unavailable": "{provider} svarer ikke akkurat nå. Prøv igjen om litt, eller logg inn med e-post og passord.",
    "oidc.no-email": "{provider} oppga ingen e-postadresse, så Kalkyle vet ikke hvem du er. Kontakt administratoren.",
    "oidc.email-unverified": "{provider} har ikke bekreftet e-postadressen din, så du kan ikke logge inn med den. Kontakt administratoren.",
    "oidc.no-membership": "Brukeren din er ikke medlem av noen organisasjon i Kalkyle. Kontakt administratoren.",
  },
  en: {
    "login.oidc.button": "Sign in with {provider}",
    "login.oidc.or": "Or log in with e-mail and password:",
    "oidc.denied": "The sign-in with {provider} was cancelled or refused. Try again, or log in with e-mail and password.",
    "oidc.state": "The sign-in with {provider} had expired or was not started in this browser. Try again.",
    "oidc.failed": "The sign-in with {provider} failed. Try again, or contact your administrator.",
    "oidc.unavailable": "{provider} is not answering right now. Try again shortly, or log in with e-mail and password.",
    "oidc.no-email": "{provider} gave no e-mail address, so Kalkyle cannot tell who you are. Contact your administrator.",
    "oidc.email-unverified": "{provider} has not verified your e-mail address, so you cannot sign in with it. Contact your administrator.",
    "oidc.no-membership": "Your user is not a member of any organisation in Kalkyle. Contact your administrator.",
  },
} satisfies AreaText;
