// Candidates: every input and output of the candidates procedures, and the one list of a candidate's
// fields. Zod only: the candidate forms check their values with these before sending, the services read
// the columns these schemas name and store what the input schema parses to, and the pages take their
// types from here.
//
// Adding a field to a candidate touches the Prisma schema and its migration, this file (the field in
// candidateFieldsSchema if people type it, and in candidateSchema or candidateContactSchema for what is
// shown), and the component that shows it. The services, the router and the erasure follow from here.
import { z } from "./zod";
import {
  candidateStatusSchema,
  formBaseUpdatedAtSchema,
  idSchema,
  interviewStatusSchema,
  optionalEmailSchema,
  optionalPhoneSchema,
  optionalText,
  requiredText,
  searchTextSchema,
  vacancyStatusSchema,
} from "./common";

// ---- What people type ---------------------------------------------------------------------------------

/** Blank optional text is stored as null, so "no email" has one spelling. */
const blankToNull = (value: string) => (value === "" ? null : value);

/**
 * The fields of the candidate form, as stored: parsing trims, lower-cases the email and turns blanks into
 * null, so the services store the parsed values as they are. Blank means "none": forms send what the
 * field holds; the key order is the order field errors are reported in.
 */
export const candidateFieldsSchema = z.object({
  name: requiredText("Name", 120, "Enter the candidate's name"),
  email: optionalEmailSchema
    .transform((v) => blankToNull(v)?.toLowerCase() ?? null)
    .nullable()
    .optional(),
  phone: optionalPhoneSchema.transform(blankToNull).nullable().optional(),
  notes: optionalText("Notes", 5000)
    .transform((v) => v.trim())
    .optional(),
});
export type CandidateFieldsInput = z.input<typeof candidateFieldsSchema>;
export type CandidateFields = z.output<typeof candidateFieldsSchema>;

const vacancyIdSchema = z.string("Choose a vacancy").min(1, "Choose a vacancy").max(64);

/**
 * The create form's fields and the vacancy applied for (the router adds the submission's idempotency key).
 * The candidate starts at the vacancy's first stage; the person is the organisation's one with that email.
 */
export const createCandidateInput = candidateFieldsSchema.extend({ vacancyId: vacancyIdSchema });
export type CreateCandidateInput = z.output<typeof createCandidateInput>;

/** Another candidacy for the same person (name, email and phone are theirs already). */
export const applyToVacancyInput = z.object({ candidateId: idSchema, vacancyId: vacancyIdSchema });
export type ApplyToVacancyInput = z.output<typeof applyToVacancyInput>;

/**
 * Any of the form's fields, and the status; a field left out is left as it is. Name, email and phone belong
 * to the person, so they change on every candidacy of theirs; notes and status on this one.
 */
export const updateCandidateInput = z
  .object({ id: idSchema })
  .extend(candidateFieldsSchema.partial().shape)
  .extend({
    status: candidateStatusSchema.optional(),
    baseUpdatedAt: formBaseUpdatedAtSchema,
  });
export type UpdateCandidateInput = z.output<typeof updateCandidateInput>;

export const listCandidatesInput = z
  .object({
    query: searchTextSchema.optional(),
    /** A vacancy id (the list page's `vacancy` URL parameter). */
    vacancyId: z.string().max(64).optional(),
    status: candidateStatusSchema.optional(),
  })
  .default({});
export type ListCandidatesInput = z.output<typeof listCandidatesInput>;

export const getCandidateInput = z.object({ id: idSchema });
export type GetCandidateInput = z.output<typeof getCandidateInput>;

// ---- What is shown ------------------------------------------------------------------------------------

/** A candidate as every role that may read candidates sees them. Each key is a column the services read. */
export const candidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  vacancyId: z.string(),
  stageId: z.string().nullable(),
  status: candidateStatusSchema,
  decidedAt: z.date().nullable(),
  anonymizedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/**
 * Personal data, a deliberate allow-list: only roles with candidates:contact get these values, every other
 * role gets null in each. Each key is a column; erasure empties every one of them (see erasedContact).
 */
export const candidateContactSchema = z.object({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string().nullable(),
});
export type CandidateContact = z.output<typeof candidateContactSchema>;
export type CandidateContactKey = keyof CandidateContact;
export const candidateContactKeys = Object.keys(candidateContactSchema.shape) as CandidateContactKey[];

/** A candidate's details as the candidate page shows them. */
export const candidateDetailsSchema = candidateSchema.extend(candidateContactSchema.shape);
export type CandidateDetails = z.output<typeof candidateDetailsSchema>;

/** A candidate as the list shows them: no notes (they can be long) and no creation or erasure dates. */
export const candidateSummarySchema = candidateSchema
  .omit({ createdAt: true, anonymizedAt: true })
  .extend(candidateContactSchema.omit({ notes: true }).shape);

export const candidateListRowSchema = candidateSummarySchema.extend({
  vacancyTitle: z.string(),
  stageName: z.string().nullable(),
  interviewCount: z.number().int(),
});
export type CandidateListRow = z.output<typeof candidateListRowSchema>;

export const candidateInterviewSchema = z.object({
  id: z.string(),
  scheduledAt: z.date(),
  status: interviewStatusSchema,
  scriptTitle: z.string(),
  scriptVersion: z.number().int(),
  stageName: z.string().nullable(),
  panelCount: z.number().int(),
});

/** Another candidacy of the same person, for the links on the candidate page. */
export const otherCandidacySchema = z.object({
  id: z.string(),
  vacancyId: z.string(),
  vacancyTitle: z.string(),
  stageName: z.string().nullable(),
  status: candidateStatusSchema,
});

export const candidatePageSchema = candidateDetailsSchema.extend({
  canEdit: z.boolean(),
  vacancy: z.object({ id: z.string(), title: z.string(), status: vacancyStatusSchema }),
  stage: z.object({ id: z.string(), name: z.string() }).nullable(),
  otherCandidacies: z.array(otherCandidacySchema),
  interviews: z.array(candidateInterviewSchema),
});
export type CandidatePage = z.output<typeof candidatePageSchema>;

/** A vacancy as the candidate forms and the list filter offer it; only OPEN and ON_HOLD ones take candidates. */
export const candidateVacancyOptionSchema = z.object({ id: z.string(), title: z.string(), status: vacancyStatusSchema });
export type CandidateVacancyOption = z.output<typeof candidateVacancyOptionSchema>;

export const createdCandidateSchema = z.object({ id: z.string() });

export const updatedCandidateSchema = candidateSchema.pick({ id: true, status: true, decidedAt: true, updatedAt: true });

// ---- Erasure ------------------------------------------------------------------------------------------

type FieldsShape = typeof candidateFieldsSchema.shape;

/**
 * What erasing leaves in each personal field: what the form stores for a blank field (null, or "" for
 * notes). Every personal field must be one people type, so it has a blank.
 */
export const erasedContact = Object.fromEntries(
  candidateContactKeys.map((key) => [key, candidateFieldsSchema.shape[key].parse("")]),
) as { [K in CandidateContactKey]: Exclude<z.output<FieldsShape[K]>, undefined> };
