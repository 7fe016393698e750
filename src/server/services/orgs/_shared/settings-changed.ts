// The refusal of every settings form's save whose settings were changed in another tab, or by another admin,
// after the form showed them (refuseIfShownChanged in lock-for-update.ts).
import type { ErrorText } from "@/server/errors";

export const SETTINGS_CHANGED: ErrorText = { key: "orgs.settingsChangedElsewhere" };
