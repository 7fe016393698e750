// The statement saveRating (src/server/services/scorecards/save-rating.ts) issues for a cell write: the
// floors run the app's own SQL, imported rather than copied.
import type { SaveRatingInput } from "../../src/lib/schemas/scorecards";

export { saveRatingStatement } from "../../src/server/services/scorecards/_shared/save-rating-statement";

export type RatingWrite = SaveRatingInput;
