// Scoring-screen steps shared by the specs that run an app of their own (faults, supervision).
import type { Page } from "@playwright/test";

/** Shows question `number` (1-based) and rates each of its competencies with `level` from the keyboard; returns how many it rated. */
export async function rateQuestion(page: Page, number: number, level: string): Promise<number> {
  await page.getByRole("navigation", { name: "Questions" }).getByRole("button").nth(number - 1).click();
  const competencies = await page.getByTestId("question-in-focus").getByRole("radiogroup").count();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < competencies; i++) await page.keyboard.press(level);
  return competencies;
}
