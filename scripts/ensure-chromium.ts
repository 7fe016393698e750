// `npm run browser:ensure`: finds or installs the Chromium the browser tests and the benchmark use (see
// scripts/lib/chromium.ts). npm test and .ci/run call it; run it alone to set a machine up. Exits 1 with
// the exact commands to run when it can do nothing itself.
import { ensureChromium } from "./lib/chromium";

try {
  ensureChromium();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
