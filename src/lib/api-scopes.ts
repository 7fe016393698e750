// The scopes of a REST API key, and the organisation permission each one needs of the key's creator. A key
// acts for the member who created it, within its scopes: a request needs the endpoint's scope on the key
// AND the permission below in the creator's current role, so demoting or removing the creator takes the
// key's power away at once. Pure data: the settings form, the API and its OpenAPI document read it.
export const API_SCOPES = [
  "vacancies:read",
  "candidates:read",
  "candidates:write",
  "interviews:read",
  "interviews:write",
  "scorecards:read",
  "scorecards:notes",
  "decisions:read",
  "comparison:read",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * The permission the creator's role must hold for a scope to work. Reading scorecards and decisions needs
 * only membership: which ones the creator may read is the independence rule's answer
 * (src/server/access/scorecard-visibility.ts), as in the app.
 */
// Names from src/server/auth/permissions.ts (checked there at compile time: see authenticate-api-key.ts).
export const SCOPE_PERMISSION = {
  "vacancies:read": "candidates:read",
  "candidates:read": "candidates:read",
  "candidates:write": "candidates:write",
  "interviews:read": "candidates:read",
  "interviews:write": "interviews:write",
  "scorecards:read": "org:read",
  "scorecards:notes": "org:read",
  "decisions:read": "org:read",
  "comparison:read": "insights:read",
} as const satisfies Record<ApiScope, string>;

export const SCOPE_LABELS: Record<ApiScope, string> = {
  "vacancies:read": "Read vacancies",
  "candidates:read": "Read candidates",
  "candidates:write": "Create and change candidates",
  "interviews:read": "Read interviews and panels",
  "interviews:write": "Schedule, reschedule and cancel interviews, set panels",
  "scorecards:read": "Read submitted scorecards with their ratings",
  "scorecards:notes": "Include evidence notes in scorecard reads",
  "decisions:read": "Read decisions and their reasons",
  "comparison:read": "Read a vacancy's comparison figures",
};

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
