// Prisma select shapes the bank services share.
import type { Prisma } from "@/generated/prisma/client";

/** A question's competencies in order (the first is the main one), as slug and name. */
export const questionCompetencyRefsSelect = {
  orderBy: { position: "asc" },
  select: { competency: { select: { slug: true, name: true } } },
} satisfies Prisma.Question$competenciesArgs;

export { anchorsInOrderSelect } from "../../_shared/selects";

/** The fields every view of a question shows (questionCoreSchema's fields). */
export const questionCoreSelect = {
  id: true,
  position: true,
  text: true,
  textReconstructed: true,
  assesses: true,
  translations: true,
} satisfies Prisma.QuestionSelect;

/** A question's guidance for the panel and where it came from. */
export const questionGuidanceSelect = { howToAnswer: true, exampleAnswer: true, source: true } satisfies Prisma.QuestionSelect;
