// What the training procedures say when they refuse, in one place.
export const ANSWER_NOT_FOUND = "Practice answer not found.";
export const SESSION_NOT_FOUND = "Practice session not found.";
export const BUILT_IN_READ_ONLY = "Built-in practice answers can't be changed: write your organisation's own instead.";
export const ONLY_DRAFTS = "Only a draft practice answer can be changed; this one is already in use or archived.";
export const TEXT_LOCKED =
  "A reference rater has already rated this text, so it can't change any more: archive it and write a new practice answer instead.";
export const RATERS_LOCKED = "Every reference rater has rated this answer: resolve the disagreements and activate it instead.";
export const NOT_A_RATER = "You are not one of this answer's reference raters.";
export const ALREADY_RATED = "You have already given your reference ratings for this answer.";
export const NOT_ALL_RATED_YET = "Not every reference rater has rated this answer yet.";
export const ONLY_OWN_SESSION = "Only the panelist practising rates in their own session.";
export const SESSION_FINISHED = "This practice session is finished: start a new one to practise again.";
export const REFERENCE_SEEN = "You have seen the reference for this answer, so its ratings can no longer change.";
