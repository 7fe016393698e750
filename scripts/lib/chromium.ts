// The system Chromium the browser tests and the benchmark drive (Playwright can't download browsers here):
// Debian's /usr/bin/chromium unless CHROMIUM_PATH names another, with flags seen working as root in CI
// (see STACK-NOTES). No --user-data-dir: Playwright manages the profile itself and rejects that flag.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
