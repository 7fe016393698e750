// "Add to calendar (.ics)": the interview's event for someone on its panel or who schedules interviews, with
// the same sign-in and organisation checks as the tRPC procedures (another organisation's interview: 404).
import { cookies } from "next/headers";
import { LOCALE_COOKIE } from "@/i18n/config";
import { createRequestContext } from "@/server/api/context";
import { findUnstorableText } from "@/server/api/input-guard";
import { callerLocale, errorTranslator } from "@/server/api/localize-error";
import { AppError } from "@/server/errors";
import { getInterviewCalendar } from "@/server/services/calendar/get-interview-calendar";
import { resolveActor } from "@/server/services/orgs/resolve-actor";

export const dynamic = "force-dynamic";

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await createRequestContext();
  // The language pages are shown in (saved choice, cookie, browser), for the refusals and the event's words.
  const localeCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = await callerLocale({ db: ctx.db, userId: ctx.userId, localeCookie, acceptLanguage: request.headers.get("accept-language") });
  const t = errorTranslator(locale);
  if (!ctx.userId) return text(401, t("access.signIn"));
  // Text PostgreSQL cannot store (Next decodes %00 in the path) is refused as every procedure refuses it.
  const unstorable = findUnstorableText({ id });
  if (unstorable) return text(400, t(unstorable.key, { field: unstorable.field }));
  const actor = await resolveActor(ctx.db, ctx.userId, ctx.preferredOrgId, ctx.sessionVersion);
  if (!actor || id.length > 64) return text(404, t("notFound.interview"));
  try {
    const { fileName, ics } = await getInterviewCalendar(ctx.db, actor, id, locale);
    return new Response(ics, {
      status: 200,
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return text(404, t("notFound.interview"));
    throw error;
  }
}
