// Adding a member from the Members page sends an invitation: the admin sees the same answer whether or not
// the email has a Panelkit account, the invitee chooses how to accept, and nobody joins before accepting.
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { hashPassword } from "../src/server/auth/passwords";
import { checkA11y, expect, signIn, test } from "./fixtures";

const DEMO_PASSWORD = "panelkit-demo";

async function inviteFromMembersPage(page: Page, email: string, role: string) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Send invitation" }).click();
  const status = page.getByRole("status").filter({ hasText: email });
  await expect(status).toBeVisible();
  const link = await page.getByLabel(`Invitation link for ${email}`).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  return { link, statusText: (await status.innerText()).replaceAll(email, "<email>").replace(link, "<link>") };
}

/** An account that belongs to no organisation yet, made in the database (sign-up is not what is tested). */
async function createAccount(email: string, name: string, password: string) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      `e2e${randomUUID().replaceAll("-", "")}`,
      email,
      name,
      await hashPassword(password),
    ]);
  } finally {
    await client.end();
  }
}

// Each test walks two people through a dozen pages and argon2 password checks; on a busy 2-core machine
// that takes more than a minute, so allow three.
test.beforeEach(() => test.setTimeout(180_000));

async function signedOutPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("an admin invites someone new, sends it again, and they join with their own password", async ({ page, browser }) => {
  await signIn(page, "admin@riverside.example", DEMO_PASSWORD);
  await page.getByRole("link", { name: "Members" }).click();
  const stamp = Date.now();
  const email = `invited-${stamp}@riverside.example`;
  const name = `Ola Invited ${stamp}`;
  const first = await inviteFromMembersPage(page, email, "Hiring manager");
  expect(first.statusText).toMatch(/share this link with <email> yourself/);
  const pending = page.getByRole("list", { name: "Pending invitations" });
  await expect(pending).toContainText(email);
  await expect(page.getByRole("cell", { name: email })).toHaveCount(0);
  expect(await checkA11y(page)).toEqual([]);

  await page.getByRole("button", { name: `Send again to ${email}` }).click();
  const resent = page.getByLabel(`Invitation link for ${email}`).last();
  await expect(resent).not.toHaveValue(first.link);
  const link = await resent.inputValue();

  const { context, page: invitee } = await signedOutPage(browser);
  await invitee.goto(first.link);
  await expect(invitee.getByText("This invitation link is not valid")).toBeVisible();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { level: 1, name: "Join Riverside Community Health" })).toBeVisible();
  await expect(invitee.getByText("to join as Hiring manager")).toBeVisible();
  // Both ways are on offer: the page isn't told whether the email has an account.
  await expect(invitee.getByRole("link", { name: "Sign in to accept" })).toBeVisible();
  await invitee.getByLabel("Your name").fill(name);
  await invitee.getByLabel("Choose a password").fill("lantern-orchid-harbour-7");
  await invitee.getByRole("button", { name: "Accept and create account" }).click();
  await invitee.waitForURL((url) => url.pathname === "/my-interviews");
  await expect(invitee.getByTestId("whoami")).toContainText(name);
  await expect(invitee.getByTestId("whoami")).toContainText("Hiring manager");
  await context.close();

  await page.reload();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await expect(page.getByRole("list", { name: "Pending invitations" }).getByText(email)).toHaveCount(0);
  const roleSelect = page.getByLabel(`Role of ${name}`);
  await roleSelect.selectOption({ label: "HR" });
  await expect(roleSelect).toHaveValue("HR");
  await page.reload();
  await expect(page.getByLabel(`Role of ${name}`)).toHaveValue("HR");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, "interviewer2@riverside.example", DEMO_PASSWORD);
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("cell", { name })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
  await expect(page.getByLabel(`Role of ${name}`)).toHaveCount(0);
});

test("inviting someone who already has an account looks the same to the admin, and they join only by accepting", async ({ page, browser }) => {
  const stamp = Date.now();
  const registered = `registered-${stamp}@elsewhere.example`;
  await createAccount(registered, "Rafa Registered", "quiet-meadow-lantern-9");

  await signIn(page, "admin@riverside.example", DEMO_PASSWORD);
  await page.getByRole("link", { name: "Members" }).click();
  const forRegistered = await inviteFromMembersPage(page, registered, "Interviewer");
  await page.reload();
  const forNew = await inviteFromMembersPage(page, `nobody-${stamp}@elsewhere.example`, "Interviewer");
  expect(forRegistered.statusText).toBe(forNew.statusText);
  await page.reload();
  await expect(page.getByRole("cell", { name: registered })).toHaveCount(0);

  // The invited person opens the link, signs in from it and comes back to accept with one button.
  const { context, page: person } = await signedOutPage(browser);
  await person.goto(forRegistered.link);
  await expect(person.getByRole("heading", { level: 1, name: "Join Riverside Community Health" })).toBeVisible();
  await person.getByRole("link", { name: "Sign in to accept" }).click();
  await person.getByLabel("Email", { exact: true }).fill(registered);
  await person.getByLabel("Password", { exact: true }).fill("quiet-meadow-lantern-9");
  await person.getByRole("button", { name: "Sign in", exact: true }).click();
  await person.waitForURL((url) => url.pathname.startsWith("/invite/"));
  await person.getByRole("button", { name: "Accept invitation" }).click();
  await person.waitForURL((url) => url.pathname === "/my-interviews");
  await context.close();

  await page.reload();
  await expect(page.getByRole("cell", { name: registered })).toBeVisible();
});
