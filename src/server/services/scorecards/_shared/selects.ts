// Select shapes the scorecard services read in more than one place.
import type { Prisma } from "@/generated/prisma/client";

/** One rating cell: which question and competency, and the score or "not assessed". */
export const ratingCellSelect = {
  itemId: true,
  competencyId: true,
  score: true,
  notAssessed: true,
} satisfies Prisma.RatingSelect;

/** One question's notes. */
export const noteCellSelect = { itemId: true, body: true } satisfies Prisma.ScorecardNoteSelect;
