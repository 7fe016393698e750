// The one place environment variables are read and validated. Server-only: never import from client code.
import { z } from "zod";

const MONITORING_KEY_FORMAT_MESSAGE =
  "MONITORING_KEY must be 32 random bytes in base64 or base64url (e.g. `openssl rand -base64 32`)";

/** 32 bytes written in base64 or base64url: 43 characters (258 bits, the last 2 padding) and an optional "=". */
export function isMonitoringKey(value: string): boolean {
  return /^[A-Za-z0-9+/_-]{43}=?$/.test(value.trim());
}

const positiveWholeNumber = (name: string) => z.string().regex(/^[1-9]\d*$/, `${name} must be a whole number above 0`);

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }).optional(),
  /** A read replica for insight reads that may be a little stale (calibration, the organisation-wide comparison); unset: the primary. */
  DATABASE_REPLICA_URL: z.string().url({ message: "DATABASE_REPLICA_URL must be a postgresql:// URL" }).optional(),
  /** The primary without a transaction-mode pooler (PgBouncer) in between, for LISTEN and the job queue; unset: DATABASE_URL. */
  DATABASE_DIRECT_URL: z.string().url({ message: "DATABASE_DIRECT_URL must be a postgresql:// URL" }).optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** The port the app server listens on; invitation links use it when NEXTAUTH_URL is not set. */
  PORT: z.string().regex(/^\d+$/, "PORT must be a number").optional(),
  /** Sends invitation emails when set (smtp://user:pass@host:587 or smtps://…); otherwise links are copied by hand. */
  SMTP_URL: z.string().url({ message: "SMTP_URL must be an smtp:// or smtps:// URL" }).optional(),
  /** The From address of invitation emails. */
  SMTP_FROM: z.string().min(3).optional(),
  /** How long to wait for the SMTP server to connect, greet or answer before the attempt fails and is retried. */
  SMTP_TIMEOUT_MS: z.string().regex(/^\d+$/, "SMTP_TIMEOUT_MS must be a number of milliseconds").default("20000"),
  /** pino level of the server's JSON logs: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Turns on GET /api/metrics (Prometheus), which then needs `Authorization: Bearer <token>`; 16+ characters. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** How many background jobs each app instance runs at once. */
  JOB_CONCURRENCY: z.string().regex(/^[1-9]\d*$/, "JOB_CONCURRENCY must be a positive number").default("2"),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  /** Set by scripts/start.ts when it seeded the demo organisation; lets the sign-in page show demo accounts. */
  PANELKIT_DEMO: z.enum(["0", "1"]).default("0"),
  /** Proxies whose X-Forwarded-For entries are believed: a hop count, or addresses and CIDR ranges, comma-separated. */
  TRUSTED_PROXIES: z.string().optional(),
  /** "off": only invited people join (no public sign-up page). */
  PUBLIC_SIGNUP: z.enum(["on", "off"], { message: 'PUBLIC_SIGNUP must be "on" or "off"' }).default("on"),
  /** Failed sign-ins allowed per account, and per client address, within SIGNIN_LIMIT_WINDOW_MINUTES. */
  SIGNIN_LIMIT_PER_ACCOUNT: positiveWholeNumber("SIGNIN_LIMIT_PER_ACCOUNT").default("5"),
  SIGNIN_LIMIT_PER_ADDRESS: positiveWholeNumber("SIGNIN_LIMIT_PER_ADDRESS").default("30"),
  SIGNIN_LIMIT_WINDOW_MINUTES: positiveWholeNumber("SIGNIN_LIMIT_WINDOW_MINUTES").default("15"),
  /** Sign-ups (new organisations) allowed per client address within SIGNUP_LIMIT_WINDOW_MINUTES. */
  SIGNUP_LIMIT_PER_ADDRESS: positiveWholeNumber("SIGNUP_LIMIT_PER_ADDRESS").default("10"),
  SIGNUP_LIMIT_WINDOW_MINUTES: positiveWholeNumber("SIGNUP_LIMIT_WINDOW_MINUTES").default("60"),
  /** Encrypts candidates' equal-opportunities answers: 32 random bytes in base64 or base64url; required in production. */
  MONITORING_KEY: z
    .string()
    .trim()
    .refine(isMonitoringKey, MONITORING_KEY_FORMAT_MESSAGE)
    .optional(),
});

export type ServerEnv = z.infer<typeof serverEnvSchema> & { oidcEnabled: boolean };

/** Parsed on every call (it is cheap), so a changed environment is never served stale. */
export function serverEnv(): ServerEnv {
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const env = parsed.data;
  const oidcParts = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  const oidcEnabled = oidcParts.every(Boolean);
  if (!oidcEnabled && oidcParts.some(Boolean)) {
    throw new Error("OIDC sign-in needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.");
  }
  return { ...env, oidcEnabled };
}

export const AUTH_SECRET_MIN_LENGTH = 32;

/**
 * Why a production server must not serve, or null when it may: sessions signed with a missing or short
 * secret could be forged. Reads process.env directly so it never throws; `next build` is exempt.
 */
export function productionSecretProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.NODE_ENV !== "production" || env.NEXT_PHASE === "phase-production-build") return null;
  const secret = env.NEXTAUTH_SECRET ?? "";
  if (!secret) {
    return `NEXTAUTH_SECRET is required in production: set it to ${AUTH_SECRET_MIN_LENGTH}+ random characters (e.g. \`openssl rand -base64 32\`). \`npm start\` generates one in .data/.`;
  }
  if (secret.length < AUTH_SECRET_MIN_LENGTH) {
    return `NEXTAUTH_SECRET is too short (${secret.length} characters): use ${AUTH_SECRET_MIN_LENGTH}+ random characters (e.g. \`openssl rand -base64 32\`).`;
  }
  return productionMonitoringKeyProblem(env);
}

/** Equal-opportunities answers must not be encrypted with a key everyone knows, so production needs its own. */
export function productionMonitoringKeyProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.NODE_ENV !== "production" || env.NEXT_PHASE === "phase-production-build") return null;
  const key = env.MONITORING_KEY ?? "";
  if (!key) {
    return "MONITORING_KEY is required in production: set it to 32 random bytes in base64 (e.g. `openssl rand -base64 32`). `npm start` generates one in .data/.";
  }
  if (!isMonitoringKey(key)) return MONITORING_KEY_FORMAT_MESSAGE;
  return null;
}

/** Throws the problem, for the server's start (src/instrumentation.ts) and every use of the secret. */
export function assertProductionSecret(env: NodeJS.ProcessEnv = process.env): void {
  const problem = productionSecretProblem(env);
  if (problem) throw new Error(problem);
}

/** The auth secret; production refuses to run without one. */
export function authSecret(): string {
  assertProductionSecret();
  const env = serverEnv();
  return env.NEXTAUTH_SECRET ?? "panelkit-development-secret-not-for-production-use";
}

export function databaseUrl(): string {
  const url = serverEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. `npm start` sets it for the embedded database.");
  return url;
}

/**
 * The connections that hold session state (LISTEN for live progress, the job queue's LISTEN and locks) must
 * reach PostgreSQL directly: behind a transaction-mode pooler a LISTEN lands on whichever server connection
 * ran it and its notifications are lost. DATABASE_DIRECT_URL when DATABASE_URL goes through such a pooler.
 */
export function directDatabaseUrl(): string {
  return serverEnv().DATABASE_DIRECT_URL ?? databaseUrl();
}

/** The read replica's URL, or null to read insights from the primary. */
export function databaseReplicaUrl(): string | null {
  return serverEnv().DATABASE_REPLICA_URL ?? null;
}
