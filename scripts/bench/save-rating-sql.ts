// The statement saveRating (src/server/services/scorecards/save-rating.ts) issues for a cell write: the
// floors run the app's own SQL, imported rather than copied.
import type { SaveRatingInput } from "../../src/server/services/scorecards/save-rating";

export { saveRatingStatement } from "../../src/server/services/scorecards/save-rating";

export type RatingWrite = SaveRatingInput;
