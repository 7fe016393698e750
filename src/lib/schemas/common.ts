// Primitives every domain schema builds on, defined once: ids, the enums (from the database's own enums),
// and text fields with their limits and messages. Zod only: the browser's forms and the server's
// procedures read the same definitions.
import { z } from "./zod";
import {
  CandidateStatus,
  InterviewStatus,
  Recommendation,
  Role,
  ScorecardStatus,
  ScriptStatus,
  VacancyStatus,
} from "@/generated/prisma/enums";

export const idSchema = z.string().min(1, "Id is required").max(64);
export const slugSchema = z.string().min(1).max(64);
/**
 * A record's updatedAt as an edit form showed it (`baseUpdatedAt`): the service refuses a change made from an
 * older state (another tab, another person) with CONFLICT instead of overwriting what its author never saw.
 * Optional: the REST API sends If-Match for the same check. (A script's builder has its own, scripts.ts.)
 */
export const formBaseUpdatedAtSchema = z.date("Reload the page: the version you started from is unknown").optional();

export const roleSchema = z.enum(Role);
export const scriptStatusSchema = z.enum(ScriptStatus);
export const candidateStatusSchema = z.enum(CandidateStatus);
export const interviewStatusSchema = z.enum(InterviewStatus);
export const recommendationSchema = z.enum(Recommendation);
export const scorecardStatusSchema = z.enum(ScorecardStatus);
export const vacancyStatusSchema = z.enum(VacancyStatus);

export type { CandidateStatus, InterviewStatus, Recommendation, Role, ScorecardStatus, ScriptStatus, VacancyStatus };

/** Text the person must give: trimmed, not blank, at most `max` characters; messages name the field. */
export function requiredText(label: string, max: number, emptyMessage = `Enter ${label.toLowerCase()}`) {
  return z.string().trim().min(1, emptyMessage).max(max, `${label} must be at most ${max} characters`);
}

/** Text that may be left empty (forms send what the field holds): at most `max` characters. */
export function optionalText(label: string, max: number) {
  return z.string().max(max, `${label} must be at most ${max} characters`);
}

/** An email address or blank ("none"); forms send what the field holds. */
export const optionalEmailSchema = z
  .string()
  .trim()
  .max(320, "Email must be at most 320 characters")
  .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address");

export const optionalPhoneSchema = z
  .string()
  .trim()
  .max(40, "Phone must be at most 40 characters")
  .regex(/^[0-9+()\-. ]*$/, "Phone may hold digits, spaces and + ( ) - . only");

// ---- Days typed or picked in a filter (YYYY-MM-DD) ------------------------------------------------------

/** The days a filter may name: the years interviews are scheduled in (scheduledAtSchema, interviews.ts). */
export const FIRST_DAY = "2000-01-01";
export const LAST_DAY = "2099-12-31";
export const DAY_FORMAT_MESSAGE = "Use a date like 2026-12-01";
export const NO_SUCH_DAY_MESSAGE = "There is no such day: check the month and the day";
export const DAY_RANGE_MESSAGE = "Choose a date from 2000 to 2099";

/** Whether YYYY-MM-DD names a day of the calendar (not 2026-13-01, not 2026-02-30, which Date reads as 2 March). */
export function isCalendarDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A day as YYYY-MM-DD: a real one, in the app's years. Each problem has its own message; the first one found stands. */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: DAY_FORMAT_MESSAGE, abort: true })
  .refine(isCalendarDay, { message: NO_SUCH_DAY_MESSAGE, abort: true })
  .refine((v) => v >= FIRST_DAY && v <= LAST_DAY, DAY_RANGE_MESSAGE);

/** Search text typed into a filter box. */
export const searchTextSchema = z.string().max(200, "Search text must be at most 200 characters");
