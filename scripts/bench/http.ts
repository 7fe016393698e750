// Signing in as a browser would (next-auth's credentials flow) and calling tRPC as the app's client does.
import superjson from "superjson";

export const BENCH_PASSWORD = "bench-password-not-secret";

/** Cookies from a response's Set-Cookie headers, merged into `jar` (name → value). */
function absorbCookies(jar: Map<string, string>, response: Response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const eq = pair!.indexOf("=");
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in through GET /api/auth/csrf and POST /api/auth/callback/credentials; returns the Cookie header. */
export async function signIn(baseUrl: string, email: string, password = BENCH_PASSWORD): Promise<string> {
  const jar = new Map<string, string>();
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  absorbCookies(jar, csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/`, json: "true" }),
  });
  absorbCookies(jar, response);
  const session = [...jar.keys()].find((k) => k.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`Sign-in as ${email} failed (HTTP ${response.status}): ${(await response.text()).slice(0, 200)}`);
  return `${session}=${jar.get(session)}`;
}

/** Signs everyone in, a few at a time (argon2 verification is deliberately slow). */
export async function signInAll(baseUrl: string, emails: string[], parallel = 4): Promise<string[]> {
  const cookies: string[] = new Array(emails.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < emails.length) {
        const i = next++;
        cookies[i] = await signIn(baseUrl, emails[i]!);
      }
    }),
  );
  return cookies;
}

/** The body httpBatchLink + superjson send for one mutation. */
export function batchMutationBody(input: unknown): string {
  return JSON.stringify({ 0: superjson.serialize(input) });
}

/** The URL httpBatchLink + superjson use for one query. */
export function batchQueryPath(procedure: string, input: unknown): string {
  return `/api/trpc/${procedure}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: superjson.serialize(input) }))}`;
}

/** The `data` of the first result of a tRPC batch response, or throws with the error message. */
export function batchResult<T>(body: string): T {
  const parsed = JSON.parse(body) as Array<{ result?: { data: { json: unknown; meta?: unknown } }; error?: { json: { message: string } } }>;
  const first = parsed[0];
  if (!first?.result) throw new Error(first?.error?.json.message ?? `Unexpected tRPC response: ${body.slice(0, 200)}`);
  return superjson.deserialize(first.result.data as never) as T;
}
