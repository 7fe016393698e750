// The columns the candidate services read, named by the domain's output schemas: a key added to
// candidateSchema or candidateContactSchema is read, returned and exported without another edit here.
import type { Prisma } from "@/generated/prisma/client";
import { candidateDetailsSchema, candidateSummarySchema } from "@/lib/schemas/candidates";

/** A Prisma select of every key of a schema's shape; a key that is not a Candidate column does not compile. */
function candidateColumns<S extends object>(shape: S & { [K in Exclude<keyof S, keyof Prisma.CandidateSelect>]: never }) {
  return Object.fromEntries(Object.keys(shape).map((key) => [key, true])) as { [K in keyof S]: true };
}

/** Everything the candidate page shows, personal fields included (filtered by visibleContact after reading). */
export const candidateDetailsSelect = candidateColumns(candidateDetailsSchema.shape) satisfies Prisma.CandidateSelect;

/** A row of the candidate list. */
export const candidateSummarySelect = candidateColumns(candidateSummarySchema.shape) satisfies Prisma.CandidateSelect;
