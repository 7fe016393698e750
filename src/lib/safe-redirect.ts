// Where the app may send someone after sign-in, sign-out or any ?callbackUrl=: only a path of this origin.
// An open redirect would let a phishing link borrow the app's address.

// After decoding: a backslash (browsers read "/\host" as "//host"), any control character (browsers drop
// tabs and newlines, turning "/\t/host" into "//host") or a second leading slash makes a path leave the site.
const UNSAFE_DECODED = /[\\\u0000-\u001f\u007f]/;

function decodedFully(value: string): string | null {
  // Repeated decoding catches double-encoded forms ("%255C"); a broken escape is refused outright.
  let current = value;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

/** `value` when it is a same-origin relative path (starts with one "/"), else `fallback`. */
export function safeRedirectPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  if (UNSAFE_DECODED.test(value)) return fallback;
  const decoded = decodedFully(value);
  if (decoded === null || UNSAFE_DECODED.test(decoded) || decoded.startsWith("//")) return fallback;
  // What a browser would resolve it to must still be this origin and this path.
  const base = "http://same-origin.invalid";
  const resolved = new URL(value, base);
  if (resolved.origin !== base) return fallback;
  return value;
}

/**
 * For next-auth's redirect callback, which hands over absolute URLs: one of this origin (`baseUrl`), or a
 * safe path, comes back as an absolute URL of this origin; anything else becomes the start page.
 */
export function safeRedirectUrl(url: string, baseUrl: string, fallbackPath = "/banks"): string {
  const origin = new URL(baseUrl).origin;
  let path = url;
  if (!url.startsWith("/")) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return `${origin}${fallbackPath}`;
    }
    if (parsed.origin !== origin) return `${origin}${fallbackPath}`;
    path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  }
  return `${origin}${safeRedirectPath(path, fallbackPath)}`;
}
