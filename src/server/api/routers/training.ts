// Panel training (issue 19): practice answers with reference ratings (built in, or an organisation's own with
// independent reference raters and a consensus), practice sessions rated on the live scoring screen, and the
// practice results. Any member practises and sees their own results; admins and HR (training:manage) manage
// answers and read everyone's results. Who reads what is the rule in src/server/access/practice-visibility.ts.
import { z } from "zod";
import {
  answerIdInput,
  answerStatusOutput,
  createdAnswerOutput,
  createPracticeAnswerInput,
  finishPracticeOutput,
  listPracticeAnswersInput,
  listPracticeSessionsInput,
  ownRefresherOutput,
  practiceAnswerListOutput,
  practiceAnswerOutput,
  practiceRateInput,
  practiceRateOutput,
  practiceResultsCsvInput,
  practiceResultsCsvOutput,
  practiceResultsOutput,
  practiceScriptsOutput,
  practiceSessionOutput,
  practiceSessionsOutput,
  promotableNotesInput,
  promotableNotesOutput,
  promoteNotesInput,
  questionOptionsOutput,
  rateReferenceInput,
  rateReferenceOutput,
  referenceTasksOutput,
  resolveReferenceInput,
  revealInput,
  revealOutput,
  sessionIdInput,
  setReferenceRatersInput,
  startPracticeInput,
  startPracticeOutput,
  updatePracticeAnswerInput,
} from "@/lib/schemas/training";
import { activatePracticeAnswer } from "@/server/services/training/activate-practice-answer";
import { archivePracticeAnswer } from "@/server/services/training/archive-practice-answer";
import { createPracticeAnswer } from "@/server/services/training/create-practice-answer";
import { finishPracticeSession } from "@/server/services/training/finish-practice-session";
import { getOwnRefresher } from "@/server/services/training/get-own-refresher";
import { getPracticeAnswer } from "@/server/services/training/get-practice-answer";
import { getPracticeResults } from "@/server/services/training/get-practice-results";
import { getPracticeSession } from "@/server/services/training/get-practice-session";
import { listPracticeAnswers } from "@/server/services/training/list-practice-answers";
import { listPracticeScripts } from "@/server/services/training/list-practice-scripts";
import { listPracticeSessions } from "@/server/services/training/list-practice-sessions";
import { listPromotableNotes } from "@/server/services/training/list-promotable-notes";
import { listQuestionOptions } from "@/server/services/training/list-question-options";
import { listReferenceTasks } from "@/server/services/training/list-reference-tasks";
import { practiceResultsCsv } from "@/server/services/training/practice-results-csv";
import { promoteNotes } from "@/server/services/training/promote-notes";
import { ratePracticeAnswer } from "@/server/services/training/rate-practice-answer";
import { rateReference } from "@/server/services/training/rate-reference";
import { resolveReference } from "@/server/services/training/resolve-reference";
import { revealReference } from "@/server/services/training/reveal-reference";
import { setReferenceRaters } from "@/server/services/training/set-reference-raters";
import { startPracticeSession } from "@/server/services/training/start-practice-session";
import { updatePracticeAnswer } from "@/server/services/training/update-practice-answer";
import { withActor, withActorNoInput } from "../call-service";
import { onceForSubmission, withIdempotencyKey } from "../idempotency-key";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const trainingRouter = createTRPCRouter({
  // Practice answers: managed by admins and HR; read by them and by each answer's reference raters.
  answers: orgProcedure("training:manage").input(listPracticeAnswersInput).output(practiceAnswerListOutput).query(withActor(listPracticeAnswers)),
  answer: orgProcedure("org:read").input(answerIdInput).output(practiceAnswerOutput).query(withActor(getPracticeAnswer)),
  questionOptions: orgProcedure("training:manage").output(questionOptionsOutput).query(withActorNoInput(listQuestionOptions)),
  promotableNotes: orgProcedure("training:manage").input(promotableNotesInput).output(promotableNotesOutput).query(withActor(listPromotableNotes)),
  // One practice answer per form submission: a repeat gets the first one's id.
  createAnswer: orgProcedure("training:manage").input(createPracticeAnswerInput.extend(withIdempotencyKey)).output(createdAnswerOutput)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "training.createAnswer", input, (data) => createPracticeAnswer(ctx.db, ctx.actor, data))),
  promoteNotes: orgProcedure("training:manage").input(promoteNotesInput.extend(withIdempotencyKey)).output(createdAnswerOutput)
    .mutation(({ ctx, input }) => onceForSubmission(ctx, "training.promoteNotes", input, (data) => promoteNotes(ctx.db, ctx.actor, data))),
  updateAnswer: orgProcedure("training:manage").input(updatePracticeAnswerInput).output(createdAnswerOutput).mutation(withActor(updatePracticeAnswer)),
  setRaters: orgProcedure("training:manage").input(setReferenceRatersInput).output(z.object({ id: z.string(), raters: z.number().int() }))
    .mutation(withActor(setReferenceRaters)),
  referenceTasks: orgProcedure("org:read").output(referenceTasksOutput).query(withActorNoInput(listReferenceTasks)),
  rateReference: orgProcedure("org:read").input(rateReferenceInput).output(rateReferenceOutput).mutation(withActor(rateReference)),
  resolveReference: orgProcedure("training:manage").input(resolveReferenceInput).output(createdAnswerOutput).mutation(withActor(resolveReference)),
  activateAnswer: orgProcedure("training:manage").input(answerIdInput).output(answerStatusOutput).mutation(withActor(activatePracticeAnswer)),
  archiveAnswer: orgProcedure("training:manage").input(answerIdInput).output(answerStatusOutput).mutation(withActor(archivePracticeAnswer)),

  // Practice sessions: any member practises; their sessions are theirs, and HR's and admins' to read.
  scripts: orgProcedure("org:read").output(practiceScriptsOutput).query(withActorNoInput(listPracticeScripts)),
  start: orgProcedure("org:read").input(startPracticeInput).output(startPracticeOutput).mutation(withActor(startPracticeSession)),
  session: orgProcedure("org:read").input(sessionIdInput).output(practiceSessionOutput).query(withActor(getPracticeSession)),
  rate: orgProcedure("org:read").input(practiceRateInput).output(practiceRateOutput).mutation(withActor(ratePracticeAnswer)),
  reveal: orgProcedure("org:read").input(revealInput).output(revealOutput).mutation(withActor(revealReference)),
  finish: orgProcedure("org:read").input(sessionIdInput).output(finishPracticeOutput).mutation(withActor(finishPracticeSession)),
  sessions: orgProcedure("org:read").input(listPracticeSessionsInput).output(practiceSessionsOutput).query(withActor(listPracticeSessions)),
  // The member's own refresher from drift (the training page says what it aims at even without the email's link).
  refresher: orgProcedure("org:read").output(ownRefresherOutput).query(withActorNoInput(getOwnRefresher)),

  // Results for HR and admins.
  results: orgProcedure("training:manage").output(practiceResultsOutput).query(withActorNoInput(getPracticeResults)),
  resultsCsv: orgProcedure("training:manage").input(practiceResultsCsvInput).output(practiceResultsCsvOutput).query(withActor(practiceResultsCsv)),
});
