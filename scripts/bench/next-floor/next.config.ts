import type { NextConfig } from "next";

// Built by the bench (scripts/bench/next-floor.ts) into the repository's gitignored .next-bench-floor: Next
// wants its build folder inside the application or the workspace holding it (here the repository).
const nextConfig: NextConfig = {
  poweredByHeader: false,
  distDir: "../../../.next-bench-floor",
};

export default nextConfig;
