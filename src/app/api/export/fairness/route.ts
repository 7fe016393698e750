// The fairness report as CSV, for whoever may read the report (the service checks who and which vacancies).
import { fairnessReportInput } from "@/lib/schemas/fairness-report";
import { createRequestContext } from "@/server/api/context";
import { findUnstorableText } from "@/server/api/input-guard";
import { describeZodError } from "@/server/api/trpc";
import { AppError } from "@/server/errors";
import { fairnessReportCsv, fairnessReportFileName } from "@/server/services/monitoring/fairness-report-csv";
import { resolveActor } from "@/server/services/orgs/resolve-actor";
import { exportLocale } from "../export-request";

export const dynamic = "force-dynamic";

const STATUS = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 } as const;

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

const param = (params: URLSearchParams, name: string) => {
  const value = params.get(name)?.trim();
  return value ? value : undefined;
};

export async function GET(request: Request) {
  const ctx = await createRequestContext();
  if (!ctx.userId) return text(401, "Sign in to continue.");
  const actor = await resolveActor(ctx.db, ctx.userId, ctx.preferredOrgId, ctx.sessionVersion);
  if (!actor) return text(403, "You are not a member of any organisation yet.");
  const params = new URL(request.url).searchParams;
  const unstorable = findUnstorableText(Object.fromEntries(params));
  if (unstorable) return text(400, unstorable.message);
  const parsed = fairnessReportInput.safeParse({ vacancyId: param(params, "vacancy"), from: param(params, "from"), to: param(params, "to") });
  if (!parsed.success) return text(400, describeZodError(parsed.error));
  try {
    const locale = await exportLocale(request, ctx.db, ctx.userId, ctx.preferredOrgId);
    const csv = await fairnessReportCsv(ctx.db, actor, parsed.data, locale);
    return new Response(csv, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fairnessReportFileName()}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return text(STATUS[error.code], error.message);
    throw error;
  }
}
