// Every spec imports `test` and `expect` from here instead of "@playwright/test", so that each test
// also checks accessibility: axe-core runs on every page the test visits and once more on the page
// where the test ends, and serious or critical WCAG 2.1 A/AA violations fail the test.
import { createHash } from "node:crypto";
import axe from "axe-core";
import { test as base, expect, type BrowserContext, type CDPSession, type Frame, type Page, type TestInfo } from "@playwright/test";

export { expect };

export const A11Y_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING_IMPACTS: ReadonlySet<string> = new Set(["serious", "critical"]);
const TARGETS_SHOWN = 3;
// Bounds for the automatic audits, so a page that never finishes loading can't stall the test's teardown.
const LOAD_WAIT_MS = 10_000;
const AUDIT_WAIT_MS = 15_000;

type AxeNodeTarget = axe.AxeResults["violations"][number]["nodes"][number]["target"];

export type A11yViolation = {
  url: string;
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** CSS selectors of the first few offending elements. */
  targets: string[];
  /** How many elements on the page break the rule. */
  nodeCount: number;
};

export type A11yOptions = {
  /** Turn off with `test.use({ a11y: { ... } })` only with the reason written next to it. */
  enabled: boolean;
  /** axe rule ids to skip; say why next to the `test.use` that sets it. */
  disableRules: string[];
  /** CSS selectors of regions to leave out (e.g. third-party widgets). */
  exclude: string[];
};

const defaultA11yOptions: A11yOptions = { enabled: true, disableRules: [], exclude: [] };

/**
 * Runs axe on the page as it is now and returns its serious and critical WCAG 2.1 A/AA violations.
 * Specs can call it directly for states a navigation doesn't reach (an open dialog, a shown error):
 * `expect(await checkA11y(page)).toEqual([])`.
 */
export async function checkA11y(page: Page, options: Partial<A11yOptions> = {}): Promise<A11yViolation[]> {
  // One run at a time per page: axe refuses a second run while one is going in the same document, and an
  // explicit check may start while the automatic audit of the page is still running.
  const run = (axeRuns.get(page) ?? Promise.resolve())
    .then(() => titleSettled(page))
    .then(() => runAxe(page, options))
    .then(async (first) => {
      // A client-side navigation can take the old <title> away just after the wait saw it (a redirect right
      // after another navigation): that document-title finding is asked again once the new title is there.
      if (!first.violations.some((violation) => violation.id === "document-title")) return first;
      await titleSettled(page);
      return runAxe(page, options);
    });
  axeRuns.set(
    page,
    run.then(
      () => undefined,
      () => undefined,
    ),
  );
  const results = await run;
  return results.violations
    .filter((violation) => violation.impact != null && BLOCKING_IMPACTS.has(violation.impact))
    .map((violation) => ({
      url: results.url,
      id: violation.id,
      impact: violation.impact ?? "unknown",
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.slice(0, TARGETS_SHOWN).map((node) => formatTarget(node.target)),
      nodeCount: violation.nodes.length,
    }));
}

/**
 * Next streams a page's metadata: during a client-side navigation the new <title> can arrive a moment after
 * the URL changes, and axe run in that moment reports a document without a title (it did once in a full
 * run). Give it up to ten seconds (three were not enough once, on /settings after the webhooks spec's last
 * refresh, with CI's two cores busy: the retry passed); a page that never gets a title is still reported.
 * A page that had a title when the wait looked can lose it the next moment, when the navigation goes on (HR's
 * sign-in lands on "/" with the title "Panelkit", then moves to /insights/compare: about 50 ms without any
 * <title> in a probe of 2026-12-07, where axe ran once in a local run); checkA11y asks again then.
 */
async function titleSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 10_000 }).catch(() => undefined);
}

/**
 * What @axe-core/playwright's AxeBuilder does in legacy mode (`setLegacyMode(true)`, `options({ resultTypes:
 * ["violations"] })`, `withTags`, `disableRules`, `exclude`), with the same axe-core, except that axe is put
 * into a document only once: AxeBuilder evaluates axe's 650 kB source twice on every call, and that took two
 * thirds of each audit's time on two busy cores. Legacy mode runs axe.run() inside the page; the
 * default mode opens an extra blank page in the test's browser context to merge results, which would show up
 * in tests that watch for new pages (popups, "opens in a new tab"). Panelkit has no cross-origin frames, the
 * one thing legacy mode skips.
 */
async function runAxe(page: Page, options: Partial<A11yOptions>): Promise<axe.AxeResults> {
  await injectAxe(page, page.mainFrame());
  // As AxeBuilder does for frames: a frame that can't take axe is left out rather than failing the audit.
  for (const frame of page.frames()) if (frame !== page.mainFrame()) await injectAxe(page, frame).catch(() => {});
  const runOptions: axe.RunOptions = { resultTypes: ["violations"], runOnly: { type: "tag", values: A11Y_TAGS } };
  if (options.disableRules?.length) runOptions.rules = Object.fromEntries(options.disableRules.map((rule) => [rule, { enabled: false }]));
  const context = { include: [], exclude: [...(options.exclude ?? [])] };
  const outcome = await page.evaluate(
    ({ context, options }) =>
      (window as unknown as { axe: typeof axe }).axe
        .run(context as axe.ElementContext, options)
        .then((results) => ({ error: null, results }))
        .catch((error: Error) => ({ error: error.message, results: null })),
    { context, options: runOptions },
  );
  if (outcome.error !== null || !outcome.results) throw new Error(outcome.error ?? "axe returned no results");
  return outcome.results;
}

const axeRuns = new WeakMap<Page, Promise<void>>();
/** axe's source with the configuration AxeBuilder's legacy mode gives it (frames of the same origin, its branding). */
const AXE_SCRIPT = `${axe.source}\n;axe.configure({ allowedOrigins: ["<same_origin>"], branding: { application: "playwright" } });`;
const cdpSessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * Puts axe into the frame's document unless an earlier audit of this same document already did. The main
 * frame's copy goes through the DevTools protocol (Chromium runs every browser test), a quarter quicker than
 * page.evaluate and its in-page helper.
 */
async function injectAxe(page: Page, frame: Frame): Promise<void> {
  const present = await frame.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === "function");
  if (present) return;
  if (frame !== page.mainFrame()) {
    await frame.evaluate(AXE_SCRIPT);
    return;
  }
  let session = cdpSessions.get(page);
  if (!session) cdpSessions.set(page, (session = page.context().newCDPSession(page)));
  const { exceptionDetails } = await (await session).send("Runtime.evaluate", { expression: AXE_SCRIPT });
  if (exceptionDetails) throw new Error(`axe could not be put into ${frame.url()}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
}

type SessionCookie = Parameters<BrowserContext["addCookies"]>[0][number];
/** Sessions made by signIn in this worker, by app origin, email and password; reused while the app still honours them. */
const sessions = new Map<string, SessionCookie[]>();
const SESSION_COOKIE = /next-auth\.session-token/;

export type SignInOptions = {
  /** Through the sign-in form even when a session of this account could be reused (for tests of signing in). */
  viaForm?: boolean;
  /**
   * The page to open once signed in. Left out: the page signing in leads to (the account's landing page).
   * A path: that page instead, for a test whose first step is opening it, so the landing page isn't loaded
   * (and audited) only to be left. null: no page at all once the session is set, for a test that only sends
   * requests with the session (`page.request`); a first sign-in through the form still ends on the landing page.
   */
  goto?: string | null;
};

/**
 * Signs in and waits until the app has navigated away from /signin. The first time for an account it
 * goes through the real form; later it reuses that session's cookie when the app still accepts it (a
 * sign-out, a password change or a new session version refuses it, and the form runs again). Sign-in
 * itself is tested in specs that pass `{ viaForm: true }`; elsewhere the form's two page loads and their
 * accessibility audits only cost time, about a second and a half a test on CI's two cores.
 */
export async function signIn(page: Page, email: string, password: string, options: SignInOptions = {}): Promise<void> {
  // The origin the context's baseURL points at (specs with an app of their own sign in there too).
  const origin = await page
    .context()
    .request.get("/api/health")
    .then((response) => new URL(response.url()).origin)
    .catch(() => null);
  const key = `${origin}\n${email}\n${password}`;
  const cached = options.viaForm || !origin ? undefined : sessions.get(key);
  if (cached && (await reuseSession(page, email, cached, options.goto))) return;
  await signInViaForm(page, email, password);
  const cookies = (await page.context().cookies()).filter((cookie) => SESSION_COOKIE.test(cookie.name));
  if (origin && cookies.length) sessions.set(key, cookies);
  if (options.goto) await openSignedIn(page, options.goto);
}

async function reuseSession(page: Page, email: string, cookies: SessionCookie[], goto: string | null | undefined): Promise<boolean> {
  const context = page.context();
  await context.addCookies(cookies);
  const response = await context.request.get("/api/auth/session").catch(() => null);
  const session = response?.ok() ? ((await response.json().catch(() => null)) as { user?: { email?: string } } | null) : null;
  if (session?.user?.email?.toLowerCase() !== email.toLowerCase()) {
    await context.clearCookies({ name: SESSION_COOKIE });
    return false;
  }
  if (goto !== null) await openSignedIn(page, goto ?? "/");
  return true;
}

/** Opens `path` with the session just set, and waits until the app has not sent the page to sign in. */
async function openSignedIn(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForURL((url) => !isSignInPath(url.pathname), { timeout: 15_000 });
}

async function signInViaForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  try {
    await page.waitForURL((url) => !isSignInPath(url.pathname), { timeout: 15_000 });
  } catch (error) {
    // Say what the form showed instead of only "timed out".
    const alerts = await page
      .getByRole("alert")
      .allInnerTexts()
      .catch(() => []);
    const shown = alerts.map((text) => text.trim()).filter(Boolean);
    throw new Error(
      `signIn(${email}) stayed on ${page.url()}` + (shown.length ? `; the page says: ${shown.join(" | ")}` : ""),
      { cause: error },
    );
  }
}

function isSignInPath(pathname: string): boolean {
  return pathname === "/signin" || pathname.startsWith("/signin/");
}

export const test = base.extend<{ a11y: A11yOptions }>({
  a11y: [defaultA11yOptions, { option: true }],

  // Wraps the built-in page: audits while the test runs, reports when it ends. The callback is named
  // `provide` rather than Playwright's usual `use` so React's hook lint rules don't mistake it for React.use.
  page: async ({ page, a11y }, provide, testInfo) => {
    if (!a11y.enabled) {
      await provide(page);
      return;
    }
    const audit = new PageAudit(page, a11y);
    await audit.start();
    await provide(page);
    await audit.finish(testInfo);
  },
});

/**
 * Audits each main-frame navigation once its `load` event has fired, one audit at a time, and makes
 * the test's next action or assertion wait for the current page's audit. A page the test leaves
 * without acting on it (goto right after goto) can still lose the race; such pages are listed in an
 * `a11y-not-audited` annotation. The page the test ends on is always audited.
 *
 * axe is a third of the browser tests' time on CI's two cores, so pages passed on the way are audited
 * once per route (ids in the path count as one route) and viewport width in each worker, after which a
 * clean result stands for the route; the page a test ends on, in the state the test made, is audited
 * every time unless its markup is exactly one already audited clean (same markup, same result). A state
 * that matters in the middle of a test gets an explicit `checkA11y(page)`.
 */
const cleanRoutes = new Set<string>();
const cleanMarkup = new Set<string>();

/** What besides the page decides axe's result: the viewport width and the spec's rule options. */
const auditSettings = (page: Page, options: A11yOptions) =>
  `${page.viewportSize()?.width ?? 0}|${JSON.stringify([options.disableRules, options.exclude])}`;

/** A route: the path with id-like segments (cuids, uuids, tokens) replaced, with the audit settings. */
function routeKey(url: string, page: Page, options: A11yOptions): string {
  return `${routeOf(new URL(url).pathname)}@${auditSettings(page, options)}`;
}

/** A path's route: id-like segments (cuids, uuids, tokens: 16 characters or more, with a digit) as ":id". */
export const routeOf = (path: string): string =>
  path
    .split("/")
    .map((segment) => (segment.length >= 16 && /\d/.test(segment) ? ":id" : segment))
    .join("/");

/** The page's markup as axe sees it, minus the per-response nonce and form tokens, hashed with the viewport and options. */
async function markupKey(page: Page, options: A11yOptions): Promise<string | null> {
  const markup = await page
    .evaluate(() => document.documentElement.outerHTML)
    .catch(() => null);
  if (markup === null) return null;
  const stable = markup.replace(/\snonce="[^"]*"/g, "").replace(/name="csrfToken" value="[^"]*"/g, 'name="csrfToken"');
  return createHash("sha256")
    .update(`${auditSettings(page, options)}|${stable}`)
    .digest("hex");
}

class PageAudit {
  private readonly visited: string[] = [];
  private readonly audited = new Set<string>();
  private readonly violations = new Map<string, A11yViolation>();
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly page: Page,
    private readonly options: A11yOptions,
  ) {}

  async start(): Promise<void> {
    this.page.on("framenavigated", this.onFrameNavigated);
    // <body> is always visible, so this runs before every action and auto-waiting assertion (the
    // pattern Playwright documents for a callback on every actionability check). It makes the test
    // wait for the current page's audit instead of racing it: a page the test acts on is audited
    // before the test can navigate away from it.
    await this.page.addLocatorHandler(this.page.locator("body"), this.beforeAction, { noWaitAfter: true });
  }

  async finish(testInfo: TestInfo): Promise<void> {
    this.page.off("framenavigated", this.onFrameNavigated);
    if (!this.page.isClosed()) await this.page.removeLocatorHandler(this.page.locator("body")).catch(() => {});
    // Audits not yet started are for pages the test has left, or for the current page, which the
    // final audit below covers; let only the one in progress finish.
    this.stopped = true;
    await this.queue;

    // A test that already failed (or was skipped) has its own story to tell; don't add to it.
    if (testInfo.status === "passed" && !this.page.isClosed()) {
      const url = pageKey(this.page.url());
      if (url) {
        const markup = await markupKey(this.page, this.options);
        if (!markup || !cleanMarkup.has(markup)) {
          // Any failure here is real: the page is still there and nothing else is navigating it.
          const violations = await checkA11y(this.page, this.options);
          this.record(violations);
          if (markup && violations.length === 0) cleanMarkup.add(markup);
        }
        this.audited.add(url);
      }
    }

    const unaudited = this.visited.filter((url) => !this.audited.has(url));
    if (unaudited.length > 0) {
      testInfo.annotations.push({
        type: "a11y-not-audited",
        description: `left before axe could run: ${unaudited.join(", ")}`,
      });
    }

    const violations = [...this.violations.values()];
    if (violations.length === 0) return;
    await testInfo.attach("a11y-violations.json", {
      body: JSON.stringify(violations, null, 2),
      contentType: "application/json",
    });
    throw new Error(formatViolations(violations));
  }

  private readonly onFrameNavigated = (frame: Frame): void => {
    if (frame !== this.page.mainFrame()) return;
    const url = pageKey(frame.url());
    if (url) this.enqueue(url);
  };

  private readonly beforeAction = async (): Promise<void> => {
    const url = pageKey(this.page.url());
    if (!url || this.stopped || this.audited.has(url)) return;
    await this.enqueue(url);
  };

  private enqueue(url: string): Promise<void> {
    if (!this.visited.includes(url)) this.visited.push(url);
    this.queue = this.queue.then(() => this.auditWhenLoaded(url));
    return this.queue;
  }

  private async auditWhenLoaded(url: string): Promise<void> {
    if (this.stopped || this.audited.has(url)) return;
    try {
      await this.page.waitForLoadState("load", { timeout: LOAD_WAIT_MS });
      // If the test has moved on, that navigation queued its own audit.
      if (this.stopped || pageKey(this.page.url()) !== url) return;
      const route = routeKey(url, this.page, this.options);
      if (!cleanRoutes.has(route)) {
        const violations = await withTimeout(checkA11y(this.page, this.options), AUDIT_WAIT_MS);
        this.record(violations);
        if (violations.length === 0) cleanRoutes.add(route);
      }
      this.audited.add(url);
    } catch {
      // The page navigated or closed under axe, or took too long: counted as not audited.
    }
  }

  private record(violations: A11yViolation[]): void {
    for (const violation of violations) {
      const key = `${pageKey(violation.url) ?? violation.url}|${violation.id}|${violation.targets.join(",")}`;
      if (!this.violations.has(key)) this.violations.set(key, violation);
    }
  }
}

/**
 * What counts as one page: origin and path. Query and fragment changes (filters, search as you type)
 * are states of the same page; auditing each would stall every keystroke. The page a test ends on
 * is audited in whatever state it is in. Null for about:blank, chrome-error:// and the like.
 */
function pageKey(rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return `${url.origin}${url.pathname}`;
}

function formatTarget(target: AxeNodeTarget): string {
  // One selector per frame level; a nested array is a path through shadow roots.
  return target.map((part) => (Array.isArray(part) ? part.join(" >>> ") : String(part))).join(" -> ");
}

function formatViolations(violations: A11yViolation[]): string {
  const lines = [`${violations.length} serious or critical accessibility violation(s) (axe, WCAG 2.1 A/AA):`];
  for (const violation of violations) {
    const more = violation.nodeCount > violation.targets.length ? ` (+${violation.nodeCount - violation.targets.length} more)` : "";
    lines.push(
      `- [${violation.impact}] ${violation.id}: ${violation.help}`,
      `    page: ${violation.url}`,
      `    elements: ${violation.targets.join(" | ")}${more}`,
      `    see ${violation.helpUrl}`,
    );
  }
  return lines.join("\n");
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
