// Where the scoring page keeps a panelist's unsubmitted recommendation and summary in this browser
// (see useSubmitDraft in the submit panel), and how signing out forgets them: the next person to use a
// shared tablet must not find them.
const PREFIX = "panelkit:submit-draft:";

export const submitDraftKey = (scorecardId: string) => `${PREFIX}${scorecardId}`;

export function forgetSubmitDrafts(storage: Storage) {
  try {
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key?.startsWith(PREFIX) ?? false);
    for (const key of keys) storage.removeItem(key);
  } catch {
    // storage unavailable: nothing was kept
  }
}
