// Panelkit entirely in Spanish (issue 23): an admin whose browser asks for Spanish walks every kind of page a
// hiring team uses. On each, the words the app itself writes (headings, labels, buttons, table headers,
// legends, options, announcements, accessible names) must hold no English once the organisation's own data
// (names, titles, question texts, notes) is taken out; axe runs on every page visited (fixtures.ts).
//
// English is recognised by its function words, none of which is a Spanish word: a label left in English
// ("Save the script", "Add a comment", "Results of the panel") has one, a Spanish one does not. The lint
// (i18next/no-literal-string) catches literals in JSX; this catches what it can't see: strings in constants
// and option lists, a client component whose messages were not sent, a server message not translated.
import { queryE2eDb } from "./support/e2e-db";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const DEMO_PASSWORD = "panelkit-demo";
const ENGLISH = /\b(the|and|with|your|you|this|from|have|been|will|which|there|their|what|when|who|should|not|of|to|for|by|is|are|on|in)\b/i;

/** The app's own words on the page: the text of its chrome and the accessible names it gives. */
async function chromeTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = "h1, h2, h3, h4, label, legend, caption, th, button, summary, option, nav a, [role=status], [role=alert], dt";
    // Text the app marks as a record shown as stored (translate="no", e.g. an audit event's data) is left out.
    const own = (el: Element) => !el.closest("[translate=no]");
    const texts = [...document.querySelectorAll<HTMLElement>(selector)].filter(own).map((el) => el.innerText);
    for (const el of [...document.querySelectorAll<HTMLElement>("[aria-label], [placeholder], [title]")].filter(own)) {
      for (const name of ["aria-label", "placeholder", "title"]) {
        const value = el.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    texts.push(document.title);
    return texts.map((t) => t.replace(/\s+/g, " ").trim()).filter(Boolean);
  });
}

/** The organisation's own words (entered by people, or the demo's), which stay in the language they were written in. */
async function dataTexts(): Promise<string[]> {
  const rows = await queryE2eDb<{ text: string }>(`
    SELECT "name" AS text FROM "Organization" UNION SELECT "name" FROM "User" UNION SELECT "name" FROM "Candidate"
    UNION SELECT "title" FROM "Vacancy" UNION SELECT "name" FROM "VacancyStage" UNION SELECT "title" FROM "InterviewScript"
    UNION SELECT "title" FROM "ScriptSection" UNION SELECT "text" FROM "ScriptItem" UNION SELECT "text" FROM "Question"
    UNION SELECT "name" FROM "QuestionBank" UNION SELECT "name" FROM "Competency" UNION SELECT "name" FROM "ApiKey"
    UNION SELECT coalesce("description", '') FROM "WebhookEndpoint" UNION SELECT "summary" FROM "Scorecard"
    UNION SELECT "body" FROM "ScorecardNote" UNION SELECT "body" FROM "DebriefComment" UNION SELECT "text" FROM "PracticeAnswer"`);
  // Longest first, so a name is taken out whole before a shorter name inside it.
  return rows.map((r) => r.text.replace(/\s+/g, " ").trim()).filter((t) => t.length > 1).sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function pageIds() {
  const [ids] = await queryE2eDb<Record<string, string | null>>(`
    SELECT (SELECT "id" FROM "Candidate" c WHERE EXISTS (SELECT 1 FROM "Interview" i WHERE i."candidateId" = c."id") ORDER BY "createdAt" LIMIT 1) AS candidate,
      (SELECT "id" FROM "Vacancy" ORDER BY "createdAt" LIMIT 1) AS vacancy,
      (SELECT "id" FROM "InterviewScript" ORDER BY "createdAt" LIMIT 1) AS script,
      (SELECT "id" FROM "Debrief" ORDER BY "openedAt" LIMIT 1) AS debrief,
      (SELECT "id" FROM "PracticeAnswer" ORDER BY "createdAt" LIMIT 1) AS answer`);
  return ids!;
}

test.describe.configure({ timeout: 180_000 });

const ADMIN = "admin@riverside.example";

test("an admin who chose Spanish reads every kind of page in Spanish, axe clean", async ({ page }) => {
  await signIn(page, ADMIN, DEMO_PASSWORD, { goto: null });
  // Chosen on the account (as the header's picker saves it; i18n.spec.ts drives the picker), and put back
  // whatever happens: the demo admin is shared with the other specs.
  await queryE2eDb(`UPDATE "User" SET "locale" = 'es' WHERE "email" = $1`, [ADMIN]);
  try {
    await walkInSpanish(page);
  } finally {
    await queryE2eDb(`UPDATE "User" SET "locale" = NULL WHERE "email" = $1`, [ADMIN]);
  }
});

async function walkInSpanish(page: Page) {
  const [data, ids] = await Promise.all([dataTexts(), pageIds()]);
  // One page of each kind a hiring team uses (a list where the domain has no detail page worth more); My
  // interviews, an interview and the banks are walked in Spanish by i18n.spec.ts and easy-read.spec.ts.
  const paths = [
    "/interviews",
    "/candidates",
    `/candidates/${ids.candidate}`,
    `/vacancies/${ids.vacancy}`,
    `/vacancies/${ids.vacancy}/plan`,
    ids.debrief ? `/debriefs/${ids.debrief}` : null,
    `/scripts/${ids.script}`,
    "/insights/compare",
    "/insights/fairness",
    "/insights/decisions",
    `/insights/candidates/${ids.candidate}`,
    "/training",
    ids.answer ? `/training/answers/${ids.answer}` : null,
    "/settings",
    "/audit",
  ].filter((p): p is string => p !== null);

  const english: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await page.waitForLoadState("networkidle");
    for (const text of await chromeTexts(page)) {
      let own = text;
      for (const d of data) {
        if (own.includes(d)) own = own.split(d).join(" ");
        // Long texts are shown cut ("When dealing with a client…"): the cut start of a data text is data too.
        else if (d.length > 30 && own.includes(d.slice(0, 24))) own = own.replace(new RegExp(`${escapeRegExp(d.slice(0, 24))}[^…]*…`, "g"), " ");
      }
      if (ENGLISH.test(own)) english.push(`${path}: ${text}`);
    }
  }
  expect([...new Set(english)]).toEqual([]);
}
