// Where a Chromium for the browser tests and the benchmark can come from, as pure decisions over facts
// about the machine (environment, platform, files), so that every branch can be tested without touching
// the machine. ensure-chromium.ts gathers the real facts and carries the decisions out.
import path from "node:path";

export type ChromiumFacts = {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  isRoot: boolean;
  /** The text of /etc/os-release, or null where there is none. */
  osRelease: string | null;
  homeDir: string;
  isExecutable(file: string): boolean;
  /** Entry names in `dir`, or [] when it doesn't exist. */
  listDir(dir: string): string[];
};

export type ChromiumFound = { path: string; source: string };
export type Lookup = { found: ChromiumFound | null; warnings: string[] };

export type InstallPlan = {
  name: string;
  /** Commands run one after another; the plan fails at the first that exits non-zero. */
  commands: string[][];
  /** Where the browser is expected afterwards, beyond what a new lookup finds (PATH may not include it). */
  expectedPaths: string[];
};

const PATH_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"];

// Where Debian's `chromium` package puts the browser; checked after installing it even when PATH lacks /usr/bin.
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function playwrightCacheDir(facts: ChromiumFacts): string {
  const override = facts.env.PLAYWRIGHT_BROWSERS_PATH;
  if (override && override !== "0") return override;
  if (facts.platform === "darwin") return path.join(facts.homeDir, "Library", "Caches", "ms-playwright");
  if (facts.platform === "win32") {
    return path.join(facts.env.LOCALAPPDATA ?? path.join(facts.homeDir, "AppData", "Local"), "ms-playwright");
  }
  return path.join(facts.env.XDG_CACHE_HOME ?? path.join(facts.homeDir, ".cache"), "ms-playwright");
}

// Layouts Playwright has used for its Chromium builds and headless shells, per platform.
function executablesInBuild(platform: NodeJS.Platform): string[] {
  if (platform === "darwin") {
    return ["chrome-mac/Chromium.app/Contents/MacOS/Chromium", "chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing", "chrome-mac/headless_shell", "chrome-headless-shell-mac-arm64/chrome-headless-shell"];
  }
  if (platform === "win32") return ["chrome-win/chrome.exe", "chrome-win64/chrome.exe", "chrome-win/headless_shell.exe"];
  return ["chrome-linux64/chrome", "chrome-linux/chrome", "chrome-headless-shell-linux64/chrome-headless-shell", "chrome-linux/headless_shell"];
}

/** Playwright's downloaded builds, newest revision first, full browsers before headless shells. */
function fromPlaywrightCache(facts: ChromiumFacts): string | null {
  const cache = playwrightCacheDir(facts);
  const revision = (name: string) => Number(name.split("-").pop()) || 0;
  const builds = facts
    .listDir(cache)
    .filter((name) => /^chromium(_headless_shell)?-\d+$/.test(name))
    .sort((a, b) => Number(a.includes("headless")) - Number(b.includes("headless")) || revision(b) - revision(a));
  for (const build of builds) {
    for (const relative of executablesInBuild(facts.platform)) {
      const candidate = path.join(cache, build, relative);
      if (facts.isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function fromPath(facts: ChromiumFacts): string | null {
  const dirs = (facts.env.PATH ?? "").split(facts.platform === "win32" ? ";" : ":").filter(Boolean);
  const suffix = facts.platform === "win32" ? ".exe" : "";
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name + suffix);
      if (facts.isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

/** CHROMIUM_PATH, then Playwright's own browser cache, then a Chromium or Chrome on PATH. */
export function lookForChromium(facts: ChromiumFacts): Lookup {
  const warnings: string[] = [];
  const configured = facts.env.CHROMIUM_PATH;
  if (configured) {
    if (facts.isExecutable(configured)) return { found: { path: configured, source: "CHROMIUM_PATH" }, warnings };
    // A stale setting shouldn't stop a machine that has a browser elsewhere; say so and keep looking.
    warnings.push(`CHROMIUM_PATH is ${configured}, which is not an executable file; looking elsewhere.`);
  }
  const cached = fromPlaywrightCache(facts);
  if (cached) return { found: { path: cached, source: "Playwright's browser cache" }, warnings };
  const onPath = fromPath(facts);
  if (onPath) return { found: { path: onPath, source: "PATH" }, warnings };
  return { found: null, warnings };
}

function osReleaseField(facts: ChromiumFacts, field: string): string {
  const line = (facts.osRelease ?? "").split("\n").find((l) => l.startsWith(`${field}=`));
  return (line?.slice(field.length + 1) ?? "").replace(/^"|"$/g, "").toLowerCase();
}

/** Debian proper (or a derivative that says ID_LIKE=debian without being Ubuntu). */
export function isDebian(facts: ChromiumFacts): boolean {
  if (facts.platform !== "linux") return false;
  const id = osReleaseField(facts, "ID");
  const like = osReleaseField(facts, "ID_LIKE").split(/\s+/);
  return id === "debian" || (like.includes("debian") && id !== "ubuntu" && !like.includes("ubuntu"));
}

export function isUbuntu(facts: ChromiumFacts): boolean {
  return facts.platform === "linux" && (osReleaseField(facts, "ID") === "ubuntu" || osReleaseField(facts, "ID_LIKE").split(/\s+/).includes("ubuntu"));
}

const APT = ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"];

/**
 * What to try, in order, when no browser was found. Nothing when PANELKIT_BROWSER_INSTALL=0.
 * Debian as root: its `chromium` package. Ubuntu ships Chromium only as a snap, which containers can't run,
 * so there (as root) Playwright installs its build with the system libraries it needs. Anywhere: Playwright's
 * own download into the user's cache, which needs no root.
 */
export function installPlans(facts: ChromiumFacts): InstallPlan[] {
  if (facts.env.PANELKIT_BROWSER_INSTALL === "0") return [];
  const plans: InstallPlan[] = [];
  if (facts.isRoot && isDebian(facts)) {
    plans.push({
      name: "Debian's chromium package (apt-get)",
      commands: [
        [...APT, "-q", "update"],
        [...APT, "-q", "install", "-y", "--no-install-recommends", "chromium", "fonts-liberation"],
      ],
      expectedPaths: [DEBIAN_CHROMIUM],
    });
  }
  const withDeps = facts.isRoot && isUbuntu(facts) ? ["--with-deps"] : [];
  plans.push({ name: "Playwright's Chromium download", commands: [["npx", "playwright", "install", ...withDeps, "chromium"]], expectedPaths: [] });
  return plans;
}

/** The message when nothing was found and nothing could be installed: the exact commands to run. */
export function manualAdvice(facts: ChromiumFacts): string {
  const lines = ["No Chromium for the browser tests. Install one, then run the command again:"];
  if (isDebian(facts)) {
    const sudo = facts.isRoot ? "" : "sudo ";
    lines.push(`  ${sudo}apt-get update && ${sudo}apt-get install -y chromium`);
    lines.push("or");
  }
  lines.push(`  npx playwright install${isUbuntu(facts) ? " --with-deps" : ""} chromium`);
  lines.push("or point CHROMIUM_PATH at a Chromium or Chrome you have:");
  lines.push("  CHROMIUM_PATH=/path/to/chrome npm test");
  if (facts.env.PANELKIT_BROWSER_INSTALL === "0") lines.push("(Nothing was installed because PANELKIT_BROWSER_INSTALL=0.)");
  return lines.join("\n");
}
