// Every page a role reaches through the app's own links fits a 320 px phone screen, in English and in Spanish:
// nothing pushes the page sideways. A wide table may scroll inside its own box; the page itself may not. The
// crawl follows links from the landing page, one page per route (ids in the path count as one route, as in the
// fixture's audits), and leaves out the scoring screen (opening it starts the panelist's scorecard; its layout
// at 320 px has tests of its own in newcomer-data.spec.ts), downloads and the API. Axe audits each route at
// this width too (the page fixture).
import type { Page } from "@playwright/test";
import { LOCALE_COOKIE } from "../src/i18n/config";
import { DEMO_PASSWORD } from "./support/app-stack";
import { expect, routeOf, signIn, test } from "./fixtures";

const WIDTH = 320;
/** A bound, so a page that starts linking to an unbounded set of routes shows up as a failure, not a hang. */
const MAX_ROUTES = 80;

const skipped = (path: string) => /^\/(api|signout|_next)\b/.test(path) || /\/score$/.test(path) || /\.(csv|xlsx|ics|pdf|json)$/.test(path) || /export|download/.test(path);

/** What pushes the page sideways: the elements that end past the viewport outside any box of their own that scrolls or clips. */
function wideElements(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScroller = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(parent).overflowX)) return true;
      }
      return false;
    };
    const wide = Array.from(document.body.querySelectorAll("*")).filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.right > width + 1 && !inScroller(element);
    });
    // The innermost ones name the cause; their ancestors only carry it.
    const causes = wide.filter((element) => !wide.some((other) => other !== element && element.contains(other)));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      width,
      causes: causes.slice(0, 3).map((element) => `<${element.tagName.toLowerCase()} class="${element.getAttribute("class") ?? ""}"> ending at ${Math.round(element.getBoundingClientRect().right)} px: "${(element.textContent ?? "").trim().slice(0, 50)}"`),
    };
  });
}

async function everyPageFits(page: Page, baseURL: string, email: string, language: "en" | "es"): Promise<void> {
  await page.setViewportSize({ width: WIDTH, height: 800 });
  await signIn(page, email, DEMO_PASSWORD, { goto: null });
  // The language as the sign-in page's picker keeps it; the demo accounts have none of their own, so the app
  // follows it. Spanish labels and options run longer than English ones.
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: language, url: baseURL }]);
  const queue = ["/"];
  const routes = new Set<string>();
  const tooWide: string[] = [];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const route = routeOf(path);
    if (routes.has(route)) continue;
    routes.add(route);
    expect(routes.size, `more than ${MAX_ROUTES} routes linked from the landing page`).toBeLessThanOrEqual(MAX_ROUTES);
    const response = await page.goto(path, { waitUntil: "networkidle" });
    expect(response?.status(), `${path} answers`).toBeLessThan(400);
    const found = await wideElements(page);
    if (found.scrollWidth > found.width) tooWide.push(`${path}: ${found.scrollWidth} px wide; ${found.causes.join("; ")}`);
    const links = await page.locator("a[href^='/']").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")!));
    for (const href of links) {
      const target = href.split(/[?#]/)[0]!;
      if (!skipped(target) && !routes.has(routeOf(target))) queue.push(target);
    }
  }
  test.info().annotations.push({ type: "routes", description: `${routes.size} routes at ${WIDTH} px` });
  expect(routes.size, "the crawl reached the role's pages").toBeGreaterThan(5);
  await expect(page.locator("html"), "the pages were in the language asked for").toHaveAttribute("lang", language);
  expect(tooWide, `pages wider than ${WIDTH} px for ${email} in ${language}`).toEqual([]);
}

const ROLES = ["admin@riverside.example", "hr@riverside.example", "interviewer1@riverside.example"];

for (const email of ROLES) {
  for (const language of ["en", "es"] as const) {
    test(`every page ${email} reaches fits ${WIDTH} px (${language})`, async ({ page, baseURL }) => {
      test.setTimeout(120_000);
      await everyPageFits(page, baseURL!, email, language);
    });
  }
}

test(`at ${WIDTH} px a script's questions keep the card's width, their buttons under them`, async ({ page }) => {
  await page.setViewportSize({ width: WIDTH, height: 800 });
  await signIn(page, "manager@riverside.example", DEMO_PASSWORD, { goto: "/scripts" });
  await page.getByRole("link", { name: "Screening call" }).first().click();
  const item = page.getByTestId("script-item").first();
  await expect(item).toBeVisible();
  // One at a time: the page fixture's audit handler runs before each action.
  const itemBox = await item.boundingBox();
  const textBox = await item.locator("p.font-medium").boundingBox();
  const editBox = await item.getByRole("button", { name: /^Edit/ }).boundingBox();
  // The question had been squeezed beside its buttons to about 40 px, a word a line.
  expect(textBox!.width / itemBox!.width, "the question's share of the card's width").toBeGreaterThan(0.6);
  expect(editBox!.y, "the buttons start under the question").toBeGreaterThanOrEqual(textBox!.y + textBox!.height);
});
