// Where the scoring page keeps a panelist's unsubmitted recommendation and summary in this browser (see
// useSubmitDraft in the submit panel). Signing out forgets them (forgetSubmitDrafts in sign-out.ts, loaded only
// when the button is pressed): the next person to use a shared tablet must not find them.
export const SUBMIT_DRAFT_PREFIX = "panelkit:submit-draft:";

export const submitDraftKey = (scorecardId: string) => `${SUBMIT_DRAFT_PREFIX}${scorecardId}`;
