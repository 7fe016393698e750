// Prisma select shapes more than one domain reads.
import type { Prisma } from "@/generated/prisma/client";

/** A competency's behavioural anchors, lowest level first (the rating guide everywhere a competency is shown). */
export const anchorsInOrderSelect = {
  select: { level: true, description: true },
  orderBy: { level: "asc" },
} satisfies Prisma.Competency$anchorsArgs;
