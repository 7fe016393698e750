// The address of a panelist without an account who gave none: User.email is required and unique, so they get
// a placeholder on the reserved .invalid domain, which no message can reach and no screen shows.
export const PLACEHOLDER_EMAIL_DOMAIN = "panelists.invalid";

export const isPlaceholderEmail = (email: string) => email.endsWith(`@${PLACEHOLDER_EMAIL_DOMAIN}`);
