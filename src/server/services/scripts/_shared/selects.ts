// The Prisma selects the scripts services share, named once.
import type { Prisma } from "@/generated/prisma/client";
import { anchorsInOrderSelect } from "../../_shared/selects";

/** A version's number and whether it is published. */
export const versionSummarySelect = {
  id: true,
  version: true,
  publishedAt: true,
} satisfies Prisma.ScriptVersionSelect;

/** What a question of a script tells the panel: its text, time and guidance. */
export const itemGuideSelect = {
  text: true,
  minutes: true,
  goodAnswer: true,
  exampleAnswer: true,
  probes: true,
  required: true,
} satisfies Prisma.ScriptItemSelect;

/** A competency with its definition and behavioural anchors, lowest level first, as printed beside a question. */
export const competencyGuideSelect = {
  id: true,
  name: true,
  definition: true,
  anchors: anchorsInOrderSelect,
} satisfies Prisma.CompetencySelect;

/** What to select from a ScriptVersion to rebuild its content (ordered as the hiring manager arranged it). */
export const versionContentSelect = {
  instructions: true,
  plannedMinutes: true,
  weights: {
    select: { competencyId: true, weight: true },
    orderBy: [{ position: "asc" }, { competencyId: "asc" }],
  },
  sections: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      title: true,
      items: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          questionId: true,
          ...itemGuideSelect,
          competencies: { orderBy: { position: "asc" }, select: { competencyId: true } },
        },
      },
    },
  },
} satisfies Prisma.ScriptVersionSelect;
