// Panelkit in Spanish (issue 23): a panelist switches language in the header; the shell, My interviews and an
// interview page are then in Spanish, with dates written for Spanish, and axe finds nothing in either language
// (the fixtures audit every page visited; the explicit checks cover the states after switching).
import { checkA11y, expect, signIn, test } from "./fixtures";
import { queryE2eDb } from "./support/e2e-db";

const DEMO_PASSWORD = "panelkit-demo";
const SPANISH_MONTH = /\b(ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\b/;

test("a panelist switches to Spanish: shell, My interviews and an interview page in Spanish, axe clean in both", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "interviewer1@riverside.example", DEMO_PASSWORD, { goto: "/my-interviews" });
  await expect(page.getByRole("heading", { level: 1, name: "My interviews" })).toBeVisible();

  await page.getByLabel("Language").selectOption("es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1, name: "Mis entrevistas" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Mis entrevistas" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cerrar sesión" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Calendario suscrito" })).toBeVisible();
  expect(await checkA11y(page)).toEqual([]);

  // The choice is saved to the account: the interview page, opened fresh, is in Spanish with Spanish dates.
  await page.getByTestId("my-interview").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Entrevista con / })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Guion" })).toBeVisible();
  await expect(page.locator("time").first()).toHaveText(SPANISH_MONTH);
  expect(await checkA11y(page)).toEqual([]);

  // Back to English (the demo account is shared with other specs).
  await page.getByLabel("Idioma").selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: /^Interview with / })).toBeVisible();
});

// A Spanish panelist's scoring page: its questions come from the server in Spanish only; a submitted scorecard's
// amendment is checked before sending, in the reader's language like every other form (the scoring page loads
// that wording only when a panelist amends; nothing is sent: the check refuses first); the language picker
// brings the questions back in English.
test("a Spanish panelist's scoring page: questions in Spanish only, the amendment check in Spanish, English again from the picker", async ({ page }) => {
  const [row] = await queryE2eDb<{ interviewId: string }>(
    `SELECT s."interviewId" FROM "Scorecard" s JOIN "User" u ON u.id = s."panelistId"
     WHERE u.email = 'interviewer1@riverside.example' AND s.status = 'SUBMITTED' AND NOT s.shadow LIMIT 1`,
  );
  await queryE2eDb(`UPDATE "User" SET locale = 'es' WHERE email = 'interviewer1@riverside.example'`);
  try {
    await signIn(page, "interviewer1@riverside.example", DEMO_PASSWORD, { goto: `/interviews/${row!.interviewId}/score` });
    // The questions arrive from the server in the reader's language only: the first question's competency is
    // shown in Spanish, and its English name is nowhere in the page (nor in the data sent with it).
    const [competency] = await queryE2eDb<{ es: string; en: string }>(
      `SELECT c.translations->'es'->>'name' AS es, c.name AS en FROM "Interview" i
       JOIN "ScriptSection" s ON s."versionId" = i."scriptVersionId" JOIN "ScriptItem" it ON it."sectionId" = s.id
       JOIN "ScriptItemCompetency" ic ON ic."itemId" = it.id JOIN "Competency" c ON c.id = ic."competencyId"
       WHERE i.id = $1 ORDER BY s.position, it.position, ic.position LIMIT 1`,
      [row!.interviewId],
    );
    expect(competency!.es).toBeTruthy();
    await expect(page.getByTestId("question-in-focus")).toContainText(competency!.es);
    expect(await page.content()).not.toContain(competency!.en);
    // A click before the page has hydrated does nothing (the server-rendered button has no handler yet): a CI
    // run once waited 30 s for the form it opens, the button focused and the form closed. Click again until the
    // form is there (and not once it is: the button is gone then).
    const reason = page.getByLabel("Motivo de la modificación");
    await expect(async () => {
      if (!(await reason.isVisible())) await page.getByRole("button", { name: "Modificar la hoja de puntuación" }).click({ timeout: 2_000 });
      await expect(reason).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await reason.fill("corto");
    await page.getByRole("button", { name: "Guardar la modificación" }).click();
    await expect(page.getByText("Indique un motivo para la modificación (al menos 10 caracteres)")).toBeVisible();

    // Switching language on the scoring page brings its questions back from the server in the new language.
    await page.getByLabel("Idioma").selectOption("en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByTestId("question-in-focus")).toContainText(competency!.en);
    await expect(page.getByTestId("question-in-focus")).not.toContainText(competency!.es);
  } finally {
    // The demo account is shared with other specs: back to the browser's language.
    await queryE2eDb(`UPDATE "User" SET locale = NULL WHERE email = 'interviewer1@riverside.example'`);
  }
});
