// tRPC setup: context, error formatting and the procedure builders every router uses.
// Every procedure declares its access: public, signed-in, or an organisation permission.
import { getTRPCErrorFromUnknown, initTRPC, TRPCError } from "@trpc/server";
import { transformer } from "./transformer";
import { ZodError } from "zod";
import { fieldMessages } from "@/lib/schemas/field-messages";
import type { Db } from "@/server/db";
import { AppError, appError, type ErrorKey } from "@/server/errors";
import { callerLocale, errorTranslator, headerLocale, localizeZodError } from "./localize-error";
import { rejectUnstorableText } from "./input-guard";
import { errorFields, logger } from "@/server/log/logger";
import { metrics } from "@/server/metrics/registry";
import { badRequestForDataException, isDataException } from "./database-input-error";
import { unreadableRequestKey } from "./unreadable-request";
import type { Permission } from "@/server/auth/permissions";
import { requirePermission, type Actor, type MemberRef } from "@/server/services/actor";
import { rolesWith } from "@/server/auth/permissions";
import { resolveActor } from "@/server/services/orgs/resolve-actor";
import { sessionState } from "@/server/services/auth/session-version";
import { isLayUser, LAY_PROCEDURES, layActorFor } from "@/server/access/lay-scope";

export type Context = {
  db: Db;
  /** The signed-in user, from the next-auth session; null when signed out. */
  userId: string | null;
  /**
   * The session version the request's token carries; where the membership is read it must still be the
   * user's (not signed out since). Unset for contexts the server builds itself (tests, scripts).
   */
  sessionVersion?: number;
  /** The organisation the user picked in the switcher (a cookie); checked against their memberships. */
  preferredOrgId: string | null;
  clientAddress: string;
  /** The NEXT_LOCALE cookie and Accept-Language header: a refusal's language when the user saved none (localize-error.ts). */
  localeCookie?: string | null;
  acceptLanguage?: string | null;
};

export type ProcedureAccess = { kind: "public" } | { kind: "signedIn" } | { kind: "org"; permission: Permission };

const t = initTRPC.context<Context>().meta<{ access: ProcedureAccess }>().create({
  transformer,
  // Live progress streams over server-sent events; pings keep idle connections open through proxies.
  sse: { ping: { enabled: true, intervalMs: 15_000 } },
  errorFormatter({ shape, error, type, ctx }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const field =
      error.cause instanceof AppError
        ? (error.cause.field ?? null)
        : zodError
          ? (zodError.issues[0]?.path.join(".") ?? null)
          : null;
    // Errors of a procedure come worded in the caller's language (mapErrors); the rest are worded here in the
    // language of the request's headers (no database read before a procedure runs).
    const unreadable = unreadableRequestKey(error, type);
    const message =
      error.code === "INTERNAL_SERVER_ERROR"
        ? error.cause instanceof WordedFailure
          ? error.message
          : errorTranslator(headerLocale(ctx ?? {}))("internal")
        : zodError
          ? describeZodError(zodError)
          : unreadable
            ? errorTranslator(headerLocale(ctx ?? {}))(unreadable)
            : shape.message;
    return {
      ...shape,
      message,
      // Field errors as data: each field at fault with its own words, so forms never parse the message.
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, field, fields: zodError ? fieldMessages(zodError.issues) : field ? { [field]: message } : null },
    };
  },
});


/** "field: message; other.field: message" — readable, and names every field at fault. */
export function describeZodError(error: ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}

/** A failure of ours, already logged, whose message (the generic one) is worded in the caller's language. */
class WordedFailure extends Error {}

/**
 * Turns a procedure's failure into the tRPC error the caller sees, worded in the caller's language (read only
 * here, on the error path): domain errors keep their code, data exceptions and input errors become
 * BAD_REQUEST, anything else is logged and answered as a generic 500. Null: the failure stands as it is.
 */
async function mappedError(ctx: Context, path: string, error: TRPCError, getRawInput: () => Promise<unknown>): Promise<TRPCError | null> {
  const cause = error.cause;
  const locale = await callerLocale(ctx);
  const say = errorTranslator(locale);
  if (cause instanceof AppError) {
    return new TRPCError({ code: cause.code, message: cause.localized(say), cause });
  }
  if (isDataException(cause)) {
    const refusal = badRequestForDataException(await getRawInput().catch(() => undefined));
    return new TRPCError({ code: "BAD_REQUEST", message: refusal.localized(say), cause: refusal });
  }
  if (cause instanceof ZodError && error.code === "BAD_REQUEST") {
    const worded = localizeZodError(cause, locale, say);
    return new TRPCError({ code: "BAD_REQUEST", message: describeZodError(worded), cause: worded });
  }
  if (error.code === "INTERNAL_SERVER_ERROR") {
    logger.error({ procedure: path, ...errorFields(cause ?? error) }, "procedure failed");
    return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: say("internal"), cause: new WordedFailure(say("internal"), { cause }) });
  }
  return null;
}

/** A refusal of the access checks below, worded like a service's. */
function refusal(code: "UNAUTHORIZED" | "FORBIDDEN", key: ErrorKey) {
  const cause = appError(code, key);
  return new TRPCError({ code, message: cause.message, cause });
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure's first step, one middleware (tRPC copies its call options and context at each middleware,
 * a measurable share of a rating save's CPU, so the three steps are not three middlewares):
 * - text Postgres cannot store (NUL, lone surrogates) is refused as a BAD_REQUEST naming the field;
 * - a failure is mapped to the error the caller sees (mappedError);
 * - latency per procedure (and rating saves counted) is recorded for /api/metrics, the mapped outcome's code.
 */
const base = t.procedure.use(async ({ ctx, next, path, type, getRawInput }) => {
  const started = performance.now();
  let result: Awaited<ReturnType<typeof next>> | undefined;
  let failure: TRPCError | null = null;
  try {
    rejectUnstorableText(await getRawInput());
    result = await next();
    if (!result.ok) failure = result.error;
  } catch (cause) {
    failure = getTRPCErrorFromUnknown(cause);
  }
  if (failure) failure = (await mappedError(ctx, path, failure, getRawInput)) ?? failure;
  const outcome = failure ? failure.code : "ok";
  const { procedureSeconds, ratingSaves } = metrics();
  procedureSeconds.observe({ procedure: path, type, outcome }, (performance.now() - started) / 1000);
  if (path === "scorecards.saveRating") ratingSaves.inc({ outcome });
  if (failure) throw failure;
  return result!;
});

/**
 * A lay panelist's session (lay-scope.ts) counts for nothing on a public procedure: they call it as a
 * stranger would, signed out, so nothing public can act on their session (say, join an organisation).
 */
export const publicProcedure = base.meta({ access: { kind: "public" } }).use(async ({ ctx, next }) => {
  if (ctx.userId && (await isLayUser(ctx.db, ctx.userId))) return next({ ctx: { ...ctx, userId: null, sessionVersion: undefined } });
  return next();
});

export const signedInProcedure = base.meta({ access: { kind: "signedIn" } }).use(async ({ ctx, next, path }) => {
  if (!ctx.userId) throw refusal("UNAUTHORIZED", "access.signIn");
  // One read of the user for both checks: the token's session version, and whether they are a lay panelist.
  const state = await sessionState(ctx.db, ctx.userId);
  if (ctx.sessionVersion !== undefined && state?.sessionVersion !== ctx.sessionVersion) {
    throw refusal("UNAUTHORIZED", "access.sessionEnded");
  }
  // A lay panelist reaches only the procedures of their scoring link (lay-scope.ts).
  if (!LAY_PROCEDURES[path] && state?.lay) {
    throw refusal("FORBIDDEN", "access.layScope");
  }
  return next({ ctx: { userId: ctx.userId } });
});

/** What a procedure is called for: a lay panelist's scope is checked against both (lay-scope.ts). */
/** A domain error raised outside the error-mapping middleware's reach, as the tRPC error it would have become. */
export function rethrowDomainError(error: unknown): never {
  if (error instanceof AppError) throw new TRPCError({ code: error.code, message: error.message, cause: error });
  throw error;
}

type Call = { path: string; getRawInput: () => Promise<unknown> };

/**
 * The caller's membership, checked to hold `permission`; FORBIDDEN otherwise. A user without one may be a
 * lay panelist: lay-scope.ts gives them an actor for their own interview's scoring procedures, or refuses.
 */
async function actorWith(ctx: Context & { userId: string }, permission: Permission, call: Call): Promise<Actor> {
  const actor: Actor | null =
    (await resolveActor(ctx.db, ctx.userId, ctx.preferredOrgId, ctx.sessionVersion)) ??
    (await layActorFor(ctx.db, ctx.userId, call.path, await call.getRawInput()).catch(rethrowDomainError));
  if (!actor) throw refusal("FORBIDDEN", "access.noMembership");
  try {
    requirePermission(actor, permission);
  } catch (error) {
    if (error instanceof AppError) throw new TRPCError({ code: "FORBIDDEN", message: error.message, cause: error });
    throw error;
  }
  return actor;
}

/** A procedure acting inside the caller's organisation, allowed only to roles holding `permission`. */
export const orgProcedure = (permission: Permission) =>
  base.meta({ access: { kind: "org", permission } }).use(async ({ ctx, next, path, getRawInput }) => {
    if (!ctx.userId) throw refusal("UNAUTHORIZED", "access.signIn");
    const actor = await actorWith({ ...ctx, userId: ctx.userId }, permission, { path, getRawInput });
    return next({ ctx: { userId: ctx.userId, actor } });
  });

/**
 * Like orgProcedure, for the live scoring writes (saveRating, saveNote), whose one SQL statement checks the
 * membership and role itself (cell-write-sql.ts): a save costs one database round trip, not two. The
 * procedure gets `member` for that statement and `requireActor()`, which resolves and checks the membership
 * as orgProcedure does (FORBIDDEN when missing) for the slower paths, such as explaining why nothing was saved.
 */
export const orgStatementProcedure = (permission: Permission) => {
  // Shared by every call of the procedure (read only: a parameter of the save's statement).
  const roles = Object.freeze(rolesWith(permission));
  return base.meta({ access: { kind: "org", permission } }).use(({ ctx, next, path, getRawInput }) => {
    const userId = ctx.userId;
    if (!userId) throw refusal("UNAUTHORIZED", "access.signIn");
    const member: MemberRef = {
      userId,
      preferredOrgId: ctx.preferredOrgId,
      roles,
      sessionVersion: ctx.sessionVersion,
    };
    let actor: Promise<Actor> | undefined;
    const requireActor = () => (actor ??= actorWith({ ...ctx, userId }, permission, { path, getRawInput }));
    return next({ ctx: { userId, member, requireActor } });
  });
};
