// The organisation-wide comparison in pages (issue 18): the comparison's filters, a sort key and a keyset
// cursor. Sorting, filtering and paging happen in SQL, so a page of 100 costs the same at 40,000 candidates.
import { z } from "./zod";
import { candidateStatusSchema, idSchema } from "./common";
import { decisionOutcomeSchema, insightFiltersSchema } from "./insights";

export const COMPARISON_PAGE_SIZE = 100;

/** score: the weighted score; name: the candidate's name (or label); date: when the candidacy was created; competency: its mean. */
export const comparisonSortSchema = z.enum(["score", "name", "date", "competency"]);
export type ComparisonSort = z.output<typeof comparisonSortSchema>;

export const comparisonPageInputSchema = insightFiltersSchema.and(
  z.object({
    sort: comparisonSortSchema.default("score"),
    /** The competency whose mean sorts the page (sort "competency"). */
    competencyId: idSchema.optional(),
    dir: z.enum(["asc", "desc"]).default("desc"),
    /** Opaque cursors from a page: the rows after `after`, or the rows before `before`. */
    after: z.string().max(512).optional(),
    before: z.string().max(512).optional(),
    pageSize: z.number().int().min(1).max(COMPARISON_PAGE_SIZE).default(COMPARISON_PAGE_SIZE),
  }),
);
export type ComparisonPageInput = z.input<typeof comparisonPageInputSchema>;

const countsSchema = z.object({ STRONG_NO: z.number().int(), NO: z.number().int(), YES: z.number().int(), STRONG_YES: z.number().int() });

export const comparisonPageRowSchema = z.object({
  candidateId: z.string(),
  label: z.string(),
  vacancyId: z.string(),
  vacancy: z.string(),
  status: candidateStatusSchema,
  /** When the candidacy was created (ISO 8601): the "date" sort. */
  createdAt: z.string(),
  outcome: decisionOutcomeSchema.nullable(),
  outcomeStage: z.string().nullable(),
  interviews: z.number().int(),
  scorecards: z.number().int(),
  weightedScore: z.number().nullable(),
  /** Aligned with the page's competencies, as ComparisonRow's (read them with cellAt). */
  sums: z.array(z.number().int()),
  counts: z.array(z.number().int()),
  notAssessed: z.array(z.number().int()),
  recommendations: countsSchema,
  /** Each strand's mean rating (1–4) over its ratings in scope, null where the strand rated nothing (issue 23). */
  strandMeans: z.object({ STAFF: z.number().nullable(), EXTERNAL: z.number().nullable(), SERVICE_USER: z.number().nullable() }),
});
export type ComparisonPageRow = z.output<typeof comparisonPageRowSchema>;

export const comparisonPageSchema = z.object({
  competencies: z.array(z.object({ id: z.string(), name: z.string() })),
  rows: z.array(comparisonPageRowSchema),
  /** Candidates matching the filters, every page together. */
  total: z.number().int(),
  /** Cursors for the neighbouring pages, null at either end. */
  next: z.string().nullable(),
  previous: z.string().nullable(),
  withheld: z.object({ scorecards: z.number().int(), candidateIds: z.array(z.string()), reason: z.string().nullable() }),
});
export type ComparisonPage = z.output<typeof comparisonPageSchema>;
