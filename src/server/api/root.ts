import { apiKeysRouter } from "./routers/api-keys";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { bankAdminRouter } from "./routers/bank-admin";
import { banksRouter } from "./routers/banks";
import { candidateImportRouter } from "./routers/candidate-import";
import { calendarRouter } from "./routers/calendar";
import { candidatesRouter } from "./routers/candidates";
import { debriefsRouter } from "./routers/debriefs";
import { insightsRouter } from "./routers/insights";
import { interviewsRouter } from "./routers/interviews";
import { invitationsRouter } from "./routers/invitations";
import { jobsRouter } from "./routers/jobs";
import { monitoringRouter } from "./routers/monitoring";
import { orgRouter } from "./routers/org";
import { privacyRouter } from "./routers/privacy";
import { readinessRouter } from "./routers/readiness";
import { scimRouter } from "./routers/scim";
import { scorecardsRouter } from "./routers/scorecards";
import { scoringPreferencesRouter } from "./routers/scoring-preferences";
import { scriptsRouter } from "./routers/scripts";
import { trainingRouter } from "./routers/training";
import { vacanciesRouter } from "./routers/vacancies";
import { webhooksRouter } from "./routers/webhooks";
import { usersRouter } from "./routers/users";
import { layPanelistsRouter } from "./routers/lay-panelists";
import { strandsRouter } from "./routers/strands";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  org: orgRouter,
  banks: banksRouter,
  bankAdmin: bankAdminRouter,
  scripts: scriptsRouter,
  candidates: candidatesRouter,
  candidateImport: candidateImportRouter,
  interviews: interviewsRouter,
  invitations: invitationsRouter,
  scorecards: scorecardsRouter,
  scoringPreferences: scoringPreferencesRouter,
  insights: insightsRouter,
  privacy: privacyRouter,
  readiness: readinessRouter,
  audit: auditRouter,
  jobs: jobsRouter,
  vacancies: vacanciesRouter,
  debriefs: debriefsRouter,
  training: trainingRouter,
  calendar: calendarRouter,
  monitoring: monitoringRouter,
  scim: scimRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  users: usersRouter,
  layPanelists: layPanelistsRouter,
  strands: strandsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
