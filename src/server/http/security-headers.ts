// Response headers shared by the pages (next.config.ts) and the API server (app-server.ts).

/** On every response, build files included. The pages' CSP needs a nonce per request: src/proxy.ts sets it. */
export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** API answers (JSON, CSV, event streams) are never run as a document: a fixed deny-everything policy. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Every API answer's headers (tRPC, the REST API): the shared ones and the API's policy. */
export const API_HEADERS: ReadonlyArray<[string, string]> = [
  ...SECURITY_HEADERS.map(({ key, value }): [string, string] => [key, value]),
  ["Content-Security-Policy", API_CONTENT_SECURITY_POLICY],
];
