// Shared by the CSV export routes: the same sign-in, organisation and permission checks as the tRPC
// procedures, and the query string read into the compare filters (the page's URL names: vacancy, stage).
import type { TableOrder } from "@/server/services/insights/export-csv";
import { parse as parseCookie } from "cookie";
import { z } from "zod";
import { createRequestContext } from "@/server/api/context";
import { describeZodError } from "@/server/api/trpc";
import { findUnstorableText } from "@/server/api/input-guard";
import { DAY_FORMAT_MESSAGE, DAY_RANGE_MESSAGE, daySchema, FIRST_DAY, LAST_DAY } from "@/lib/schemas/common";
import { insightFiltersSchema } from "@/lib/schemas/insights";
import { roleHas } from "@/server/auth/permissions";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import type { CompareInput } from "@/server/services/insights/compare-candidates";
import { resolveActor } from "@/server/services/orgs/resolve-actor";
import { getLanguagePreferences } from "@/server/services/users/get-language-preferences";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "@/i18n/config";

const blank = (v: string | null) => (v === null || v.trim() === "" ? undefined : v.trim());

const DAY_MS = 86_400_000;
const isoDateTime = z.iso.datetime({ offset: true, local: true });
/** An instant from the pages (the start of a day in the reader's time zone): the app's days, a time zone either side. */
const FIRST_INSTANT_MS = Date.parse(`${FIRST_DAY}T00:00:00Z`) - DAY_MS;
const LAST_INSTANT_MS = Date.parse(`${LAST_DAY}T00:00:00Z`) + 2 * DAY_MS;

/**
 * A day (YYYY-MM-DD, checked as the fairness report's are: a real day in the app's years) or an ISO date-time
 * (what the pages send); a bare `to` day includes that whole day.
 */
const dateParam = (bound: "from" | "to") =>
  z.string().transform((v, ctx) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      const day = daySchema.safeParse(v);
      if (!day.success) {
        ctx.addIssue({ code: "custom", message: day.error.issues[0]!.message });
        return z.NEVER;
      }
      return new Date(Date.parse(`${v}T00:00:00Z`) + (bound === "to" ? DAY_MS : 0));
    }
    const time = isoDateTime.safeParse(v).success ? Date.parse(v) : Number.NaN;
    if (Number.isNaN(time)) {
      ctx.addIssue({ code: "custom", message: DAY_FORMAT_MESSAGE });
      return z.NEVER;
    }
    if (time < FIRST_INSTANT_MS || time > LAST_INSTANT_MS) {
      ctx.addIssue({ code: "custom", message: DAY_RANGE_MESSAGE });
      return z.NEVER;
    }
    return new Date(time);
  });

const queryParamsSchema = z.object({
  vacancyId: z.string().optional(),
  stageId: z.string().optional(),
  scriptId: z.string().optional(),
  status: z.string().optional(),
  interviewerId: z.string().optional(),
  from: dateParam("from").optional(),
  to: dateParam("to").optional(),
  candidateIds: z
    .string()
    .transform((v) => v.split(",").map((id) => id.trim()).filter(Boolean))
    .optional(),
  blind: z.enum(["0", "1", "true", "false"]).optional(),
});

export function parseExportFilters(url: URL): { ok: true; filters: CompareInput } | { ok: false; message: string } {
  const params = url.searchParams;
  // Postgres cannot store or compare a NUL byte: refuse such a parameter by name instead of failing with a 500.
  const unstorable = findUnstorableText(Object.fromEntries(params));
  if (unstorable) return { ok: false, message: unstorable.message };
  const raw = queryParamsSchema.safeParse({
    vacancyId: blank(params.get("vacancy")),
    stageId: blank(params.get("stage")),
    scriptId: blank(params.get("scriptId")),
    status: blank(params.get("status")),
    interviewerId: blank(params.get("interviewerId")),
    from: blank(params.get("from")),
    to: blank(params.get("to")),
    candidateIds: blank(params.get("candidateIds")),
    blind: blank(params.get("blind")),
  });
  if (!raw.success) return { ok: false, message: describeZodError(raw.error) };
  const { blind, ...rest } = raw.data;
  const parsed = insightFiltersSchema.safeParse({ ...rest, blind: blind === "1" || blind === "true" });
  if (!parsed.success) return { ok: false, message: describeZodError(parsed.error) };
  return { ok: true, filters: parsed.data };
}

/** The page's table sort (sort=<column>&dir=asc|desc), so an export lists rows in the order shown. */
function parseTableOrder(url: URL): TableOrder | undefined {
  const key = url.searchParams.get("sort")?.trim();
  const dir = url.searchParams.get("dir");
  if (!key || key.length > 64) return undefined;
  return { key, dir: dir === "desc" ? "desc" : "asc" };
}

/**
 * A cookie's value from the request's Cookie header, or null; read as the sign-in reads cookies (`cookie`'s
 * parser), so a broken %-escape is kept as it is (no language's name, so no choice) instead of throwing.
 */
function cookieValue(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  return header ? (parseCookie(header)[name] ?? null) : null;
}

/**
 * The language of an export's header row (issue 23), chosen as the pages choose theirs (src/i18n/request.ts):
 * the user's saved language, then the NEXT_LOCALE cookie, then the browser's Accept-Language, then English.
 */
export async function exportLocale(request: Request, db: Db, userId: string, preferredOrgId: string | null): Promise<Locale> {
  const preferences = await getLanguagePreferences(db, userId, preferredOrgId);
  return resolveLocale({
    userLocale: preferences.locale,
    cookie: cookieValue(request, LOCALE_COOKIE),
    acceptLanguage: request.headers.get("accept-language"),
  });
}

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * The checks every export makes: 401 signed out, 403 without insights:read, 400 for bad parameters; else the
 * member, the filters and the URL.
 */
async function authorizeExport(request: Request): Promise<Response | { db: Db; actor: Actor; filters: CompareInput; url: URL; locale: Locale }> {
  const ctx = await createRequestContext();
  if (!ctx.userId) return text(401, "Sign in to continue.");
  const actor = await resolveActor(ctx.db, ctx.userId, ctx.preferredOrgId, ctx.sessionVersion);
  if (!actor) return text(403, "You are not a member of any organisation yet.");
  if (!roleHas(actor.role, "insights:read")) return text(403, "Your role in this organisation does not allow that.");
  const url = new URL(request.url);
  const parsed = parseExportFilters(url);
  if (!parsed.ok) return text(400, parsed.message);
  return { db: ctx.db, actor, filters: parsed.filters, url, locale: await exportLocale(request, ctx.db, ctx.userId, ctx.preferredOrgId) };
}

const csvDownload = (body: BodyInit, fileName: string) =>
  new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });

/**
 * Runs an export for a signed-in member with insights:read (see authorizeExport), the CSV as a download.
 */
export async function exportResponse(
  request: Request,
  fileName: string,
  build: (db: Db, actor: Actor, filters: CompareInput, order: TableOrder | undefined, locale: Locale) => Promise<string>,
): Promise<Response> {
  const allowed = await authorizeExport(request);
  if (allowed instanceof Response) return allowed;
  return csvDownload(await build(allowed.db, allowed.actor, allowed.filters, parseTableOrder(allowed.url), allowed.locale), fileName);
}

/**
 * A streamed export (the organisation-wide comparison): the same checks as exportResponse, then the chunks
 * `build` yields, sent as they come. `build` reads what else it needs from the URL.
 */
export async function exportStreamResponse(
  request: Request,
  fileName: string,
  build: (db: Db, actor: Actor, filters: CompareInput, url: URL, locale: Locale) => AsyncGenerator<string>,
): Promise<Response> {
  const allowed = await authorizeExport(request);
  if (allowed instanceof Response) return allowed;
  const chunks = build(allowed.db, allowed.actor, allowed.filters, allowed.url, allowed.locale);
  const encoder = new TextEncoder();
  // Pulled one chunk at a time, as the client reads: a slow download holds one batch, not the file.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return csvDownload(body, fileName);
}
