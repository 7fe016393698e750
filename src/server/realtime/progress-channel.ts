/** The PostgreSQL NOTIFY channel for panel progress; the payload is the interview id. */
export const PROGRESS_CHANNEL = "panelkit_progress";
