// What signing out does in this browser, loaded when the button is pressed (sign-out-button.tsx): every page
// shows the button, few are left this way, and the scoring page's first load has a budget.
import { signOut } from "./next-auth-client";
import { SUBMIT_DRAFT_PREFIX } from "./submit-drafts";

/** Removes every scorecard's summary kept in `storage` (submit-drafts.ts), and nothing else. */
export function forgetSubmitDrafts(storage: Storage) {
  try {
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key?.startsWith(SUBMIT_DRAFT_PREFIX) ?? false);
    for (const key of keys) storage.removeItem(key);
  } catch {
    // storage unavailable: nothing was kept
  }
}

export async function signOutHere() {
  // The offline copy of scoring pages and any unsubmitted summary kept in this browser belong to this user only.
  if ("caches" in window) await caches.delete("panelkit-scoring-v1").catch(() => false);
  forgetSubmitDrafts(window.localStorage);
  await signOut("/signin");
}
