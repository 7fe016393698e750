// The three calls the app makes to next-auth's endpoints from the browser (sign in with a password, start
// single sign-on, sign out), done as next-auth/react does them (CSRF token, then a form POST asking for
// JSON), without that module's ~10 KB of compressed client code on every page.

const AUTH_BASE = "/api/auth";

async function csrfToken(): Promise<string> {
  const response = await fetch(`${AUTH_BASE}/csrf`);
  const body = (await response.json()) as { csrfToken?: string };
  if (!body.csrfToken) throw new Error("The sign-in service did not answer. Try again.");
  return body.csrfToken;
}

async function postForm(path: string, fields: Record<string, string>): Promise<{ response: Response; url: string | null }> {
  const response = await fetch(`${AUTH_BASE}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
  const body = (await response.json().catch(() => ({}))) as { url?: string };
  return { response, url: body.url ?? null };
}

/** Signs in with email and password; `error` is next-auth's code (CredentialsSignin for wrong details), or null. */
export async function signInWithPassword(email: string, password: string, callbackUrl: string): Promise<{ ok: boolean; error: string | null }> {
  const { response, url } = await postForm("/callback/credentials", { email, password, callbackUrl });
  const error = url
    ? new URL(url, window.location.href).searchParams.get("error")
    : "Sign-in is unavailable right now. Try again in a minute.";
  return { ok: response.ok && !error, error };
}

/** Signs a lay panelist in with their scoring link's token (the device cookie goes along); true when signed in. */
export async function signInWithLayLink(token: string, callbackUrl: string): Promise<boolean> {
  const { response, url } = await postForm("/callback/lay-link", { token, callbackUrl });
  return response.ok && Boolean(url) && !new URL(url!, window.location.href).searchParams.get("error");
}

/** Starts single sign-on with the identity provider: the browser leaves for its login page. */
export async function signInWithProvider(providerId: string, callbackUrl: string): Promise<void> {
  const { url } = await postForm(`/signin/${encodeURIComponent(providerId)}`, { callbackUrl });
  window.location.href = url ?? `${AUTH_BASE}/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}

/** Ends the session and goes to `callbackUrl`. */
export async function signOut(callbackUrl: string): Promise<void> {
  const { url } = await postForm("/signout", { callbackUrl });
  window.location.href = url ?? callbackUrl;
}
