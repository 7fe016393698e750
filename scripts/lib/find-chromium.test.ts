// The finder's decisions over described machines: a fresh Debian container as root, a developer's laptop,
// Ubuntu, a stale CHROMIUM_PATH. The facts are plain data; the code under test is the real finder.
import { describe, expect, it } from "vitest";
import { installPlans, lookForChromium, manualAdvice, type ChromiumFacts } from "./find-chromium";

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04"\n';

function machine(options: { files?: string[]; env?: Record<string, string>; root?: boolean; osRelease?: string | null; platform?: NodeJS.Platform }): ChromiumFacts {
  const files = new Set(options.files ?? []);
  return {
    env: { PATH: "/usr/local/bin:/usr/bin:/bin", ...options.env },
    platform: options.platform ?? "linux",
    isRoot: options.root ?? false,
    osRelease: options.osRelease === undefined ? DEBIAN : options.osRelease,
    homeDir: "/home/sam",
    isExecutable: (file) => files.has(file),
    listDir: (dir) => [...new Set([...files].filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split("/")[0]!))],
  };
}

describe("lookForChromium", () => {
  it("takes CHROMIUM_PATH first when it is an executable", () => {
    const facts = machine({ files: ["/opt/chrome/chrome", "/usr/bin/chromium"], env: { CHROMIUM_PATH: "/opt/chrome/chrome" } });
    expect(lookForChromium(facts)).toEqual({ found: { path: "/opt/chrome/chrome", source: "CHROMIUM_PATH" }, warnings: [] });
  });

  it("says when CHROMIUM_PATH points nowhere and keeps looking", () => {
    const facts = machine({ files: ["/usr/bin/chromium"], env: { CHROMIUM_PATH: "/nonexistent" } });
    const lookup = lookForChromium(facts);
    expect(lookup.found).toEqual({ path: "/usr/bin/chromium", source: "PATH" });
    expect(lookup.warnings).toEqual(["CHROMIUM_PATH is /nonexistent, which is not an executable file; looking elsewhere."]);
  });

  it("prefers Playwright's newest full Chromium over older builds and headless shells", () => {
    const cache = "/home/sam/.cache/ms-playwright";
    const facts = machine({
      files: [`${cache}/chromium-1150/chrome-linux/chrome`, `${cache}/chromium-1200/chrome-linux64/chrome`, `${cache}/chromium_headless_shell-1300/chrome-linux/headless_shell`, "/usr/bin/chromium"],
    });
    expect(lookForChromium(facts).found).toEqual({ path: `${cache}/chromium-1200/chrome-linux64/chrome`, source: "Playwright's browser cache" });
  });

  it("honours PLAYWRIGHT_BROWSERS_PATH for the cache", () => {
    const facts = machine({ files: ["/ms/chromium-1200/chrome-linux64/chrome"], env: { PLAYWRIGHT_BROWSERS_PATH: "/ms" } });
    expect(lookForChromium(facts).found?.path).toBe("/ms/chromium-1200/chrome-linux64/chrome");
  });

  it("finds chromium-browser or google-chrome on PATH, and nothing outside PATH", () => {
    expect(lookForChromium(machine({ files: ["/bin/google-chrome"] })).found).toEqual({ path: "/bin/google-chrome", source: "PATH" });
    expect(lookForChromium(machine({ files: ["/usr/local/bin/chromium-browser"] })).found?.path).toBe("/usr/local/bin/chromium-browser");
    expect(lookForChromium(machine({ files: ["/usr/bin/chromium"], env: { PATH: "/tmp/bin" } })).found).toBeNull();
  });
});

describe("installPlans", () => {
  it("on Debian as root: apt-get update, then Debian's chromium package, then Playwright's download", () => {
    const plans = installPlans(machine({ root: true }));
    expect(plans.map((p) => p.name)).toEqual(["Debian's chromium package (apt-get)", "Playwright's Chromium download"]);
    expect(plans[0]!.commands.map((c) => c.slice(2).join(" "))).toEqual([
      "apt-get -q update",
      "apt-get -q install -y --no-install-recommends chromium fonts-liberation",
    ]);
    expect(plans[0]!.expectedPaths).toEqual(["/usr/bin/chromium"]);
    expect(plans[1]!.commands).toEqual([["npx", "playwright", "install", "chromium"]]);
  });

  it("without root, or off Debian, only Playwright's download (no root needed)", () => {
    expect(installPlans(machine({ root: false })).map((p) => p.commands)).toEqual([[["npx", "playwright", "install", "chromium"]]]);
    expect(installPlans(machine({ root: true, platform: "darwin", osRelease: null })).map((p) => p.commands)).toEqual([[["npx", "playwright", "install", "chromium"]]]);
  });

  it("on Ubuntu as root, Playwright with its system libraries (Ubuntu's chromium is a snap)", () => {
    expect(installPlans(machine({ root: true, osRelease: UBUNTU })).map((p) => p.commands)).toEqual([[["npx", "playwright", "install", "--with-deps", "chromium"]]]);
  });

  it("installs nothing when PANELKIT_BROWSER_INSTALL=0", () => {
    expect(installPlans(machine({ root: true, env: { PANELKIT_BROWSER_INSTALL: "0" } }))).toEqual([]);
  });
});

describe("manualAdvice", () => {
  it("gives the exact commands for this machine", () => {
    expect(manualAdvice(machine({ root: false }))).toBe(
      [
        "No Chromium for the browser tests. Install one, then run the command again:",
        "  sudo apt-get update && sudo apt-get install -y chromium",
        "or",
        "  npx playwright install chromium",
        "or point CHROMIUM_PATH at a Chromium or Chrome you have:",
        "  CHROMIUM_PATH=/path/to/chrome npm test",
      ].join("\n"),
    );
    const mac = manualAdvice(machine({ platform: "darwin", osRelease: null, env: { PANELKIT_BROWSER_INSTALL: "0" } }));
    expect(mac).not.toContain("apt-get");
    expect(mac).toContain("(Nothing was installed because PANELKIT_BROWSER_INSTALL=0.)");
  });
});
