// What the training procedures say when they refuse, in one place.
import type { ErrorText } from "@/server/errors";

export const ANSWER_NOT_FOUND: ErrorText = { key: "training.answerNotFound" };
export const SESSION_NOT_FOUND: ErrorText = { key: "training.sessionNotFound" };
export const BUILT_IN_READ_ONLY: ErrorText = { key: "training.builtInReadOnly" };
export const ONLY_DRAFTS: ErrorText = { key: "training.onlyDrafts" };
export const TEXT_LOCKED: ErrorText = { key: "training.textLocked" };
export const RATERS_LOCKED: ErrorText = { key: "training.ratersLocked" };
export const NOT_A_RATER: ErrorText = { key: "training.notARater" };
export const ALREADY_RATED: ErrorText = { key: "training.alreadyRated" };
export const NOT_ALL_RATED_YET: ErrorText = { key: "training.notAllRatedYet" };
export const ONLY_OWN_SESSION: ErrorText = { key: "training.onlyOwnSession" };
export const SESSION_FINISHED: ErrorText = { key: "training.sessionFinished" };
export const REFERENCE_SEEN: ErrorText = { key: "training.referenceSeen" };
