// Runs before every page request: gives each response a Content-Security-Policy with a fresh
// nonce, and forwards the same policy on the request so Next.js puts the nonce on its own scripts.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce, NONCE_HEADER } from "@/lib/security/content-security-policy";
import { productionSecretProblem } from "@/env";

export function proxy(request: NextRequest) {
  // Refuse to serve anything, sign-in included, with a missing or weak session secret in production.
  const secretProblem = productionSecretProblem();
  if (secretProblem) {
    console.error(`[panelkit] ${secretProblem}`);
    return new NextResponse(`Panelkit is not configured: ${secretProblem}\n`, {
      status: 503,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }

  const nonce = createNonce();
  const policy = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  // Over HTTPS, browsers should never again try plain HTTP for this host (ignored over HTTP anyway).
  if (process.env.NEXTAUTH_URL?.startsWith("https://")) {
    response.headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
  }
  return response;
}

export const config = {
  matcher: [
    // Build files, the favicon and API answers are not documents: no nonce needed (next.config.ts gives the
    // API a fixed policy). Prefetches and RSC requests are not skipped: a prefetched answer can be a page's
    // HTML or become one, and every answer that may render must carry the policy.
    // /scim/ is SCIM 2.0 for identity providers: JSON answers, not documents, so it is skipped like the API.
    { source: "/((?!_next/static|_next/image|favicon.ico|api/|scim/).*)" },
  ],
};
