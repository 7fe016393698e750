// A user's language (issue 23): saved to their account by the picker, and what their pages then use.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getLanguagePreferences } from "@/server/services/users/get-language-preferences";
import { callerFor, createOrganization } from "./factories";

describe("users.setLocale", () => {
  it("saves the signed-in user's language, which their pages then use with the organisation's time zone", async () => {
    const { org, members } = await createOrganization(["INTERVIEWER"]);
    await db().organization.update({ where: { id: org.id }, data: { timeZone: "America/Chicago" } });
    const userId = members.INTERVIEWER.userId;

    expect(await callerFor(userId).users.setLocale({ locale: "es" })).toEqual({ locale: "es" });
    expect(await getLanguagePreferences(db(), userId, null)).toEqual({ locale: "es", timeZone: "America/Chicago" });

    // Back to following the browser.
    await callerFor(userId).users.setLocale({ locale: null });
    expect((await getLanguagePreferences(db(), userId, org.id)).locale).toBeNull();
  });

  it("refuses a language Panelkit does not speak, and changes nothing", async () => {
    const { members } = await createOrganization(["INTERVIEWER"]);
    const userId = members.INTERVIEWER.userId;
    await callerFor(userId).users.setLocale({ locale: "es" });
    await expect(callerFor(userId).users.setLocale({ locale: "fr" as "es" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).locale).toBe("es");
  });
});
