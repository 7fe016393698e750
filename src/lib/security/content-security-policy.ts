// The app's Content-Security-Policy. Scripts run only from our own origin when a nonce-bearing script
// loads them ('strict-dynamic'); a script tag planted in user text carries no nonce and never runs.

export type CspOptions = {
  /** Fresh for every request (src/proxy.ts); Next.js reads it from the request's CSP header. */
  nonce: string;
  /** `next dev` needs eval for React's debugging aids; production never does. */
  development: boolean;
};

export function contentSecurityPolicy({ nonce, development }: CspOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // Inline style attributes come from recharts (chart sizes), dnd-kit (drag transforms) and React's
    // `style` props. A nonce can't cover style attributes, and CSS can't run script, so allow them.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    // tRPC, next-auth and the live-scoring event stream all talk to our own origin only.
    "connect-src": ["'self'"],
    // The scoring page registers /scoring-sw.js for offline reloads.
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "frame-src": ["'none'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** The request header the proxy (src/proxy.ts) hands a page's nonce on in, for the page's own inline scripts. */
export const NONCE_HEADER = "x-nonce";

/** 128 random bits, base64: what CSP Level 3 asks of a nonce. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
