import type { NextConfig } from "next";

// The app's response headers (src/server/http/security-headers.ts), handed over by scripts/bench/next-floor.ts
// as JSON: Next.js compiles this file on its own and cannot import the app's TypeScript from here.
const securityHeaders: Array<{ key: string; value: string }> = JSON.parse(process.env.PANELKIT_FLOOR_HEADERS ?? "[]");

// Built by the bench (scripts/bench/next-floor.ts) into the repository's gitignored .next-bench-floor: Next
// wants its build folder inside the application or the workspace holding it (here the repository).
const nextConfig: NextConfig = {
  poweredByHeader: false,
  distDir: "../../../.next-bench-floor",
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
