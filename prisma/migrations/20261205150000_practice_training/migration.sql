-- CreateEnum
CREATE TYPE "PracticeUnreadyMode" AS ENUM ('WARN', 'REFUSE');

-- CreateEnum
CREATE TYPE "PracticeAnswerSource" AS ENUM ('ARTICLE_EXAMPLE', 'WRITTEN_FOR_TRAINING', 'ORG_WRITTEN', 'PROMOTED_NOTES');

-- CreateEnum
CREATE TYPE "PracticeAnswerStatus" AS ENUM ('DRAFT', 'ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "PracticeSessionStatus" AS ENUM ('OPEN', 'COMPLETED');

-- AlterTable
ALTER TABLE "InterviewScript" ADD COLUMN     "practiceMonths" INTEGER NOT NULL DEFAULT 12,
ADD COLUMN     "practiceRequired" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "driftLeniencyThreshold" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
ADD COLUMN     "driftMinRatings" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "practiceMaxMad" DOUBLE PRECISION NOT NULL DEFAULT 0.75,
ADD COLUMN     "practiceUnreadyMode" "PracticeUnreadyMode" NOT NULL DEFAULT 'WARN';

-- AlterTable
ALTER TABLE "PanelMember" ADD COLUMN     "shadow" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PracticeAnswer" (
    "id" TEXT NOT NULL,
    "orgId" TEXT,
    "questionId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "source" "PracticeAnswerSource" NOT NULL,
    "text" TEXT NOT NULL,
    "status" "PracticeAnswerStatus" NOT NULL DEFAULT 'DRAFT',
    "sourceScorecardId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PracticeAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeAnswerRater" (
    "answerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "PracticeAnswerRater_pkey" PRIMARY KEY ("answerId","userId")
);

-- CreateTable
CREATE TABLE "PracticeReferenceRating" (
    "id" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "rationale" TEXT NOT NULL,
    "raterId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PracticeReferenceRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeSession" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "scriptVersionId" TEXT NOT NULL,
    "status" "PracticeSessionStatus" NOT NULL DEFAULT 'OPEN',
    "seed" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "meanAbsDiff" DOUBLE PRECISION,
    "bias" DOUBLE PRECISION,
    "separation" DOUBLE PRECISION,

    CONSTRAINT "PracticeSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeRating" (
    "sessionId" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "score" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PracticeRating_pkey" PRIMARY KEY ("sessionId","answerId","competencyId")
);

-- CreateIndex
CREATE INDEX "PracticeAnswer_questionId_status_idx" ON "PracticeAnswer"("questionId", "status");

-- CreateIndex
CREATE INDEX "PracticeAnswer_orgId_status_idx" ON "PracticeAnswer"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeAnswer_orgId_slug_key" ON "PracticeAnswer"("orgId", "slug");

-- CreateIndex
CREATE INDEX "PracticeAnswerRater_userId_idx" ON "PracticeAnswerRater"("userId");

-- CreateIndex
CREATE INDEX "PracticeReferenceRating_competencyId_idx" ON "PracticeReferenceRating"("competencyId");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeReferenceRating_answerId_competencyId_raterId_key" ON "PracticeReferenceRating"("answerId", "competencyId", "raterId");

-- CreateIndex
CREATE INDEX "PracticeSession_orgId_userId_completedAt_idx" ON "PracticeSession"("orgId", "userId", "completedAt");

-- CreateIndex
CREATE INDEX "PracticeSession_scriptVersionId_idx" ON "PracticeSession"("scriptVersionId");

-- CreateIndex
CREATE INDEX "PracticeRating_answerId_idx" ON "PracticeRating"("answerId");

-- AddForeignKey
ALTER TABLE "PracticeAnswer" ADD CONSTRAINT "PracticeAnswer_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeAnswer" ADD CONSTRAINT "PracticeAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeAnswer" ADD CONSTRAINT "PracticeAnswer_sourceScorecardId_fkey" FOREIGN KEY ("sourceScorecardId") REFERENCES "Scorecard"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeAnswer" ADD CONSTRAINT "PracticeAnswer_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeAnswerRater" ADD CONSTRAINT "PracticeAnswerRater_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "PracticeAnswer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeAnswerRater" ADD CONSTRAINT "PracticeAnswerRater_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeReferenceRating" ADD CONSTRAINT "PracticeReferenceRating_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "PracticeAnswer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeReferenceRating" ADD CONSTRAINT "PracticeReferenceRating_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "Competency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeReferenceRating" ADD CONSTRAINT "PracticeReferenceRating_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeSession" ADD CONSTRAINT "PracticeSession_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeSession" ADD CONSTRAINT "PracticeSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeSession" ADD CONSTRAINT "PracticeSession_scriptVersionId_fkey" FOREIGN KEY ("scriptVersionId") REFERENCES "ScriptVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeRating" ADD CONSTRAINT "PracticeRating_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "PracticeSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeRating" ADD CONSTRAINT "PracticeRating_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "PracticeAnswer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeRating" ADD CONSTRAINT "PracticeRating_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "Competency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
