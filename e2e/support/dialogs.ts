import type { Dialog, Page } from "@playwright/test";

/** The unsaved-changes question, as the app words it in English. */
export const LEAVE_QUESTION = "You have typed something that is not saved yet. Leave this page and lose it?";

/** Every dialog the page opens, answered by `answers` in turn (the last answer repeats). */
export function recordDialogs(page: Page, answers: Array<"accept" | "dismiss">): Dialog[] {
  const seen: Dialog[] = [];
  page.on("dialog", (dialog) => {
    seen.push(dialog);
    const answer = answers[Math.min(seen.length, answers.length) - 1];
    void (answer === "accept" ? dialog.accept() : dialog.dismiss());
  });
  return seen;
}
