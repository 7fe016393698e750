// A private calendar feed (/api/calendar/feed/<token>.ics): public by its token, which calendar apps keep in
// the subscription URL. A revoked or unknown token is 404, like a path that never existed.
import { createRequestContext } from "@/server/api/context";
import { getCalendarFeed } from "@/server/services/calendar/get-calendar-feed";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const token = file.endsWith(".ics") ? file.slice(0, -4) : null;
  const ctx = await createRequestContext();
  const ics = token ? await getCalendarFeed(ctx.db, token) : null;
  if (!ics) {
    return new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  return new Response(ics, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="interviews.ics"',
      // The feed is personal: no shared cache may keep it.
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
