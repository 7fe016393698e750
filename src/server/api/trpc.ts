// tRPC setup: context, error formatting and the procedure builders every router uses.
// Every procedure declares its access: public, signed-in, or an organisation permission.
import { initTRPC, TRPCError } from "@trpc/server";
import { transformer } from "./transformer";
import { ZodError } from "zod";
import { fieldMessages } from "@/lib/schemas/field-messages";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { rejectUnstorableText } from "./input-guard";
import { errorFields, logger } from "@/server/log/logger";
import { metrics } from "@/server/metrics/registry";
import { badRequestForDataException, isDataException } from "./database-input-error";
import { unreadableRequestMessage } from "./unreadable-request";
import type { Permission } from "@/server/auth/permissions";
import { requirePermission, type Actor, type MemberRef } from "@/server/services/actor";
import { rolesWith } from "@/server/auth/permissions";
import { resolveActor } from "@/server/services/orgs/resolve-actor";
import { SESSION_ENDED, sessionState } from "@/server/services/auth/session-version";
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
};

export type ProcedureAccess = { kind: "public" } | { kind: "signedIn" } | { kind: "org"; permission: Permission };

const t = initTRPC.context<Context>().meta<{ access: ProcedureAccess }>().create({
  transformer,
  // Live progress streams over server-sent events; pings keep idle connections open through proxies.
  sse: { ping: { enabled: true, intervalMs: 15_000 } },
  errorFormatter({ shape, error, type }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    const field =
      error.cause instanceof AppError
        ? (error.cause.field ?? null)
        : zodError
          ? (zodError.issues[0]?.path.join(".") ?? null)
          : null;
    const message =
      error.code === "INTERNAL_SERVER_ERROR"
        ? "Something went wrong on our side. Your data is safe; try again."
        : zodError
          ? describeZodError(zodError)
          : (unreadableRequestMessage(error, type) ?? shape.message);
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

/** Turns domain errors into tRPC errors; anything else is logged and answered as a generic 500. */
const mapErrors = t.middleware(async ({ next, path, getRawInput }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      throw new TRPCError({ code: cause.code, message: cause.message, cause });
    }
    if (isDataException(cause)) {
      const refusal = badRequestForDataException(await getRawInput().catch(() => undefined));
      throw new TRPCError({ code: "BAD_REQUEST", message: refusal.message, cause: refusal });
    }
    if (cause instanceof ZodError && result.error.code === "BAD_REQUEST") {
      throw new TRPCError({ code: "BAD_REQUEST", message: describeZodError(cause), cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      logger.error({ procedure: path, ...errorFields(cause ?? result.error) }, "procedure failed");
    }
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Text Postgres cannot store (NUL, lone surrogates) is refused as a BAD_REQUEST naming the field. */
const guardInput = t.middleware(async ({ getRawInput, next }) => {
  rejectUnstorableText(await getRawInput());
  return next();
});

/** Latency per procedure (and rating saves counted) for /api/metrics: a clock read and a histogram update. */
const measure = t.middleware(async ({ next, path, type }) => {
  const started = performance.now();
  const result = await next();
  const outcome = result.ok ? "ok" : result.error.code;
  const { procedureSeconds, ratingSaves } = metrics();
  procedureSeconds.observe({ procedure: path, type, outcome }, (performance.now() - started) / 1000);
  if (path === "scorecards.saveRating") ratingSaves.inc({ outcome });
  return result;
});

const base = t.procedure.use(measure).use(mapErrors).use(guardInput);

/**
 * A lay panelist's session (lay-scope.ts) counts for nothing on a public procedure: they call it as a
 * stranger would, signed out, so nothing public can act on their session (say, join an organisation).
 */
export const publicProcedure = base.meta({ access: { kind: "public" } }).use(async ({ ctx, next }) => {
  if (ctx.userId && (await isLayUser(ctx.db, ctx.userId))) return next({ ctx: { ...ctx, userId: null, sessionVersion: undefined } });
  return next();
});

export const signedInProcedure = base.meta({ access: { kind: "signedIn" } }).use(async ({ ctx, next, path }) => {
  if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  // One read of the user for both checks: the token's session version, and whether they are a lay panelist.
  const state = await sessionState(ctx.db, ctx.userId);
  if (ctx.sessionVersion !== undefined && state?.sessionVersion !== ctx.sessionVersion) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: SESSION_ENDED });
  }
  // A lay panelist reaches only the procedures of their scoring link (lay-scope.ts).
  if (!LAY_PROCEDURES[path] && state?.lay) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Your scoring link opens your interview's scoring screen only." });
  }
  return next({ ctx: { ...ctx, userId: ctx.userId } });
});

/** What a procedure is called for: a lay panelist's scope is checked against both (lay-scope.ts). */
type Call = { path: string; getRawInput: () => Promise<unknown> };

/**
 * The caller's membership, checked to hold `permission`; FORBIDDEN otherwise. A user without one may be a
 * lay panelist: lay-scope.ts gives them an actor for their own interview's scoring procedures, or refuses.
 */
async function actorWith(ctx: Context & { userId: string }, permission: Permission, call: Call): Promise<Actor> {
  const actor: Actor | null =
    (await resolveActor(ctx.db, ctx.userId, ctx.preferredOrgId, ctx.sessionVersion)) ??
    (await layActorFor(ctx.db, ctx.userId, call.path, await call.getRawInput()).catch((error: unknown) => {
      if (error instanceof AppError) throw new TRPCError({ code: error.code, message: error.message, cause: error });
      throw error;
    }));
  if (!actor) throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of any organisation yet." });
  try {
    requirePermission(actor, permission);
  } catch (error) {
    throw new TRPCError({ code: "FORBIDDEN", message: (error as Error).message });
  }
  return actor;
}

/** A procedure acting inside the caller's organisation, allowed only to roles holding `permission`. */
export const orgProcedure = (permission: Permission) =>
  base.meta({ access: { kind: "org", permission } }).use(async ({ ctx, next, path, getRawInput }) => {
    if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
    const actor = await actorWith({ ...ctx, userId: ctx.userId }, permission, { path, getRawInput });
    return next({ ctx: { ...ctx, userId: ctx.userId, actor } });
  });

/**
 * Like orgProcedure, for the live scoring writes (saveRating, saveNote), whose one SQL statement checks the
 * membership and role itself (cell-write-sql.ts): a save costs one database round trip, not two. The
 * procedure gets `member` for that statement and `requireActor()`, which resolves and checks the membership
 * as orgProcedure does (FORBIDDEN when missing) for the slower paths, such as explaining why nothing was saved.
 */
export const orgStatementProcedure = (permission: Permission) =>
  base.meta({ access: { kind: "org", permission } }).use(({ ctx, next, path, getRawInput }) => {
    if (!ctx.userId) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
    const signedIn = { ...ctx, userId: ctx.userId };
    const member: MemberRef = {
      userId: ctx.userId,
      preferredOrgId: ctx.preferredOrgId,
      roles: rolesWith(permission),
      sessionVersion: ctx.sessionVersion,
    };
    let actor: Promise<Actor> | undefined;
    const requireActor = () => (actor ??= actorWith(signedIn, permission, { path, getRawInput }));
    return next({ ctx: { ...signedIn, member, requireActor } });
  });
