// Opens a lay panelist's scoring link on this device (src/server/services/lay-panelists/open-lay-link.ts):
// binds the first device, or moves the link to this one with the right code, and sets the device cookie the
// "lay-link" sign-in then reads. JSON only, so a cross-site form can't post here (a JSON post from another
// site needs a CORS preflight, which this route never grants).
import { parse as parseCookie } from "cookie";
import { NextResponse } from "next/server";
import { openLayLinkInput } from "@/lib/schemas/lay-panelists";
import { createRequestContext } from "@/server/api/context";
import { usesSecureCookies } from "@/server/auth/auth-options";
import { openLayLink } from "@/server/services/lay-panelists/open-lay-link";
import { LAY_DEVICE_COOKIE } from "@/server/services/lay-panelists/_shared/lay-link-secrets";

export const dynamic = "force-dynamic";

const STATUS = { UNKNOWN: 404, REVOKED: 410, EXPIRED: 410, LOCKED: 423, OTHER_DEVICE: 409, WRONG_CODE: 403, WAIT: 429 } as const;
const DEVICE_COOKIE_DAYS = 30;

export async function POST(request: Request) {
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    return NextResponse.json({ ok: false, reason: "BAD_REQUEST" }, { status: 415 });
  }
  const parsed = openLayLinkInput.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ ok: false, reason: "BAD_REQUEST" }, { status: 400 });
  const context = await createRequestContext();
  const deviceSecret = parseDeviceCookie(request.headers.get("cookie"));
  const result = await openLayLink(context.db, { ...parsed.data, code: parsed.data.code || undefined, deviceSecret });
  if (!result.ok) return NextResponse.json(result, { status: STATUS[result.reason], headers: { "Cache-Control": "no-store" } });
  const response = NextResponse.json({ ok: true, interviewId: result.interviewId }, { headers: { "Cache-Control": "no-store" } });
  if (result.deviceSecret) {
    response.cookies.set(LAY_DEVICE_COOKIE, result.deviceSecret, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: usesSecureCookies(),
      maxAge: DEVICE_COOKIE_DAYS * 24 * 3600,
    });
  }
  return response;
}

/**
 * The device cookie, read as the "lay-link" sign-in reads it (`cookie`'s parser): a tampered value with a broken
 * %-escape is kept as it is, matches no device, and so counts as no cookie, instead of throwing.
 */
function parseDeviceCookie(header: string | null): string | null {
  return header ? (parseCookie(header)[LAY_DEVICE_COOKIE] ?? null) : null;
}
