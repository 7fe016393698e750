// Blind review: candidates appear as "Candidate A", "Candidate B", … instead of by name. A label is the
// candidate's place among the candidates for the same vacancy, ordered by (createdAt, id),
// so it is the same on every page, in every response and in exports, whoever is looking.
import { z } from "zod";
import { checkedRows } from "../_shared/checked-rows";
import { Prisma } from "@/generated/prisma/client";
import { ordinalLetters } from "@/lib/insights/blind-label-gaps";
import { redactName } from "@/lib/insights/redact-name";
import type { Db } from "@/server/db";

/** 1 → A, 26 → Z, 27 → AA, 28 → AB … (bijective base 26); defined with its inverse in @/lib/insights/blind-label-gaps. */
export const letterSequence = ordinalLetters;

export const blindLabel = (ordinal: number) => `Candidate ${letterSequence(ordinal)}`;

const ordinalRowSchema = z.object({ id: z.string(), ordinal: z.number().int() });

/** Blind labels for the given candidates, by id (candidates of other organisations are ignored). */
export async function loadBlindLabels(db: Db, orgId: string, candidateIds: string[]): Promise<Map<string, string>> {
  if (candidateIds.length === 0) return new Map();
  const raw = await db.$queryRaw`
    WITH wanted AS (
      SELECT DISTINCT "vacancyId" FROM "Candidate" WHERE "orgId" = ${orgId} AND "id" IN (${Prisma.join(candidateIds)})
    ), numbered AS (
      SELECT c."id", ROW_NUMBER() OVER (PARTITION BY c."vacancyId" ORDER BY c."createdAt", c."id")::int AS ordinal
      FROM "Candidate" c JOIN wanted w ON w."vacancyId" = c."vacancyId"
      WHERE c."orgId" = ${orgId}
    )
    SELECT "id", ordinal FROM numbered WHERE "id" IN (${Prisma.join(candidateIds)})`;
  const rows = checkedRows(ordinalRowSchema, raw);
  return new Map(rows.map((r) => [r.id, blindLabel(r.ordinal)]));
}

export type CandidateIdentity = { name: string; email: string | null; phone: string | null };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Replaces the candidate's name in free text (evidence notes, summaries) with their label, in any case, accent
 * or punctuation variant and in part (see redactName); their email and phone number as well, should a
 * panelist have written them down.
 */
export function redactCandidate(text: string, identity: CandidateIdentity, label: string): string {
  let result = text;
  // Contact data first: an email address usually contains the name.
  for (const contact of [identity.email, identity.phone]) {
    const value = contact?.trim();
    if (value) result = result.replace(new RegExp(escapeRegExp(value), "gi"), "[contact removed]");
  }
  return redactName(result, identity.name, label);
}
