/** The administrator's page of the organisation's API tokens (/admin/tokens). */
import type { AreaText } from "./catalog.js";

export const adminTokensText = {
  nb: {
    "nav.tokens": "API-nøkler",
    "adminTokens.title": "API-nøkler i organisasjonen",
    "adminTokens.intro": "API-nøklene medlemmene i {organisation} har laget. En nøkkel som trekkes tilbake, slutter å virke med en gang. Selve nøkkelen vises aldri, bare begynnelsen av den.",
    "adminTokens.filter": "Velg medlem",
    "adminTokens.member": "Medlem",
    "adminTokens.everyone": "Alle medlemmer",
    "adminTokens.apply": "Vis",
    "adminTokens.clear": "Vis alle",
    "adminTokens.count": "{count, plural, one {# nøkkel} other {# nøkler}}",
    "adminTokens.none": "Ingen API-nøkler å vise.",
    "adminTokens.former": "{name} (ikke lenger medlem)",
    "adminTokens.ofMember": "API-nøkler",
    "adminTokens.revokeTitle": "Trekke tilbake API-nøkkelen til {name}?",
    "adminTokens.revokeText": "Nøkkelen «{label}» (begynner med {prefix}) slutter å virke med en gang. Programmer som bruker den, får svaret 401. {name} kan lage en ny nøkkel på sin egen side.",
  },
  en: {
    "nav.tokens": "API tokens",
    "adminTokens.title": "API tokens of the organisation",
    "adminTokens.intro": "The API tokens the members of {organisation} have made. A token that is revoked stops working at once. The token itself is never shown, only its beginning.",
    "adminTokens.filter": "Choose a member",
    "adminTokens.member": "Member",
    "adminTokens.everyone": "All members",
    "adminTokens.apply": "Show",
    "adminTokens.clear": "Show all",
    "adminTokens.count": "{count, plural, one {# token} other {# tokens}}",
    "adminTokens.none": "No API tokens to show.",
    "adminTokens.former": "{name} (no longer a member)",
    "adminTokens.ofMember": "API tokens",
    "adminTokens.revokeTitle": "Revoke the API token of {name}?",
    "adminTokens.revokeText": "The token “{label}” (starting with {prefix}) stops working at once. Programs that use it get the answer 401. {name} can make a new token on their own page.",
  },
} satisfies AreaText;
