// Refusals in the caller's language (issue 23): a service's message, a form's field errors and zod's own
// words reach a Spanish-speaking user in Spanish, over the real tRPC endpoint; English stays as it was.
// The language: the user's saved choice, else the NEXT_LOCALE cookie, else Accept-Language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { stopProgressEvents } from "@/server/realtime/progress-events";
import { createCaller } from "@/server/api/root";
import { cellsOf, createPanelInterview, rating } from "./scorecard-factories";
import { sessionCookieFor, startTrpcServer } from "./trpc-http-server";
import { failure } from "./script-factories";

let stopServer: () => Promise<void>;
let base = "";
let f: Awaited<ReturnType<typeof createPanelInterview>>;

beforeAll(async () => {
  ({ base, stop: stopServer } = await startTrpcServer());
  f = await createPanelInterview();
});

afterAll(async () => {
  await stopServer();
  await stopProgressEvents();
});


type ErrorBody = { error: { json: { message: string; data: { code: string; field: string | null; fields: Record<string, string> | null } } } };

async function mutate(userId: string, procedure: string, input: unknown, headers: Record<string, string> = {}) {
  const cookie = [await sessionCookieFor(userId), headers.cookie].filter(Boolean).join("; ");
  const response = await fetch(`${base}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers, cookie },
    body: JSON.stringify({ json: input }),
  });
  return { status: response.status, body: (await response.json()) as ErrorBody };
}

describe("refusals in the caller's language", () => {
  it("tells a Spanish-speaking panelist which questions are missing in Spanish, and an English one as before", async () => {
    const [ada, ben] = f.panelists;
    await db().user.update({ where: { id: ada.userId }, data: { locale: "es" } });
    const submit = async (who: typeof ada) => {
      const card = await who.caller.scorecards.mine({ interviewId: f.interviewId });
      return mutate(who.userId, "scorecards.submit", { scorecardId: card.id, recommendation: "YES", summary: "Good." }, { "accept-language": "en" });
    };

    const spanish = await submit(ada);
    expect(spanish.status).toBe(400);
    expect(spanish.body.error.json.message).toMatch(/^Puntúe o marque como no evaluada: pregunta 1 \(Empathy\), pregunta 2 \(/);
    expect(spanish.body.error.json.data.fields?.ratings).toBe(spanish.body.error.json.message);

    const english = await submit(ben);
    expect(english.body.error.json.message).toMatch(/^Rate or mark not assessed: question 1 \(Empathy\), question 2 \(/);
  });

  it("refuses a locked strand policy in the admin's language", async () => {
    const [, , cleo] = f.panelists;
    const card = await cleo.caller.scorecards.mine({ interviewId: f.interviewId });
    await cleo.caller.scorecards.saveRating(rating(card.id, cellsOf(card)[0]!, 3, 0));
    const policy = { stageId: f.stageId, strands: [{ strand: "STAFF" as const, mode: "WEIGHTED" as const, weight: 100 }] };

    const english = await failure(f.admin.caller.strands.declarePolicy(policy));
    expect(english.message).toBe(
      "Scoring has started at this stage, so its strand policy is locked: nothing was changed. The policy in force is shown below.",
    );
    await db().user.update({ where: { id: f.admin.userId }, data: { locale: "es" } });
    const spanish = await failure(f.admin.caller.strands.declarePolicy(policy));
    expect(spanish.code).toBe("CONFLICT");
    expect(spanish.message).toMatch(/^La puntuación ya ha empezado en esta fase/);
    // The context's headers count only when the user has saved no language.
    const byHeader = createCaller({ db: db(), userId: f.admin.userId, preferredOrgId: null, clientAddress: "127.0.0.1", acceptLanguage: "en" });
    expect((await failure(byHeader.strands.declarePolicy(policy))).message).toMatch(/^La puntuación/);
  });

  it("gives a form's field errors in the language of the cookie, else of the browser", async () => {
    const input = { name: " ", vacancyId: f.vacancyId, email: "not-an-email" };
    const byCookie = await mutate(f.hr.userId, "candidates.create", input, { cookie: "NEXT_LOCALE=es", "accept-language": "en" });
    expect(byCookie.body.error.json.data).toMatchObject({ code: "BAD_REQUEST", field: "name" });
    expect(byCookie.body.error.json.data.fields).toMatchObject({
      name: "Introduzca el nombre de la persona candidata",
      email: "Introduzca una dirección de correo electrónico válida",
    });
    expect(byCookie.body.error.json.message).toBe(
      "name: Introduzca el nombre de la persona candidata; email: Introduzca una dirección de correo electrónico válida",
    );
    const byBrowser = await mutate(f.hr.userId, "candidates.create", input, { "accept-language": "es-MX,es;q=0.9" });
    expect(byBrowser.body.error.json.data.fields?.name).toBe("Introduzca el nombre de la persona candidata");
    const english = await mutate(f.hr.userId, "candidates.create", input);
    expect(english.body.error.json.data.fields).toMatchObject({ name: "Enter the candidate's name", email: "Enter a valid email address" });
  });
});
