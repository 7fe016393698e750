-- CreateEnum
CREATE TYPE "VacancyStatus" AS ENUM ('OPEN', 'ON_HOLD', 'FILLED', 'CLOSED');

-- CreateEnum
CREATE TYPE "DebriefStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "DebriefEntryKind" AS ENUM ('CONSENSUS', 'KEEP_MEAN');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('ADVANCE', 'APPOINT', 'RESERVE', 'REJECT');

-- AlterEnum
ALTER TYPE "CandidateStatus" ADD VALUE 'RESERVE';

-- AlterTable (filled from "position" below, then made NOT NULL and "position" dropped)
ALTER TABLE "Candidate" ADD COLUMN     "personId" TEXT,
ADD COLUMN     "stageId" TEXT,
ADD COLUMN     "vacancyId" TEXT;

-- AlterTable
ALTER TABLE "Interview" ADD COLUMN     "stageId" TEXT;

-- CreateTable
CREATE TABLE "Vacancy" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "department" TEXT NOT NULL DEFAULT '',
    "location" TEXT NOT NULL DEFAULT '',
    "posts" INTEGER NOT NULL DEFAULT 1,
    "status" "VacancyStatus" NOT NULL DEFAULT 'OPEN',
    "opensOn" DATE,
    "closesOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vacancy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VacancyManager" (
    "vacancyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "VacancyManager_pkey" PRIMARY KEY ("vacancyId","userId")
);

-- CreateTable
CREATE TABLE "VacancyStage" (
    "id" TEXT NOT NULL,
    "vacancyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "scriptVersionId" TEXT,
    "counts" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VacancyStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VacancyStageWeight" (
    "stageId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,

    CONSTRAINT "VacancyStageWeight_pkey" PRIMARY KEY ("stageId","competencyId")
);

-- CreateTable
CREATE TABLE "VacancyStagePanelist" (
    "stageId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "VacancyStagePanelist_pkey" PRIMARY KEY ("stageId","userId")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Debrief" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "chairId" TEXT,
    "status" "DebriefStatus" NOT NULL DEFAULT 'OPEN',
    "openedEarlyReason" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Debrief_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DebriefEntry" (
    "id" TEXT NOT NULL,
    "debriefId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "kind" "DebriefEntryKind" NOT NULL,
    "rating" INTEGER,
    "meanBefore" DOUBLE PRECISION NOT NULL,
    "valueAfter" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DebriefEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DebriefComment" (
    "id" TEXT NOT NULL,
    "debriefId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "competencyId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DebriefComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DebriefCorrection" (
    "id" TEXT NOT NULL,
    "debriefId" TEXT NOT NULL,
    "actorId" TEXT,
    "reason" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DebriefCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "debriefId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "nextStageId" TEXT,
    "rationale" TEXT NOT NULL,
    "isOverride" BOOLEAN NOT NULL DEFAULT false,
    "overrideJustification" TEXT,
    "weightedScore" DOUBLE PRECISION,
    "mechanicalRank" INTEGER,
    "rankedOf" INTEGER,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- Data: each organisation's distinct position strings become its vacancies, each with a one-stage plan
-- ("Panel interview", with the script version most of its interviews used). Every candidate keeps its row,
-- interviews, scorecards and figures (CandidateInsight is keyed by candidate, so no figure moves); its
-- interviews join the stage. The vacancy's hiring managers are the hiring managers who created a script its
-- candidates were interviewed with: exactly the managers who saw those candidates before. Candidates with
-- the same email in an organisation become one person.
INSERT INTO "Vacancy" ("id", "orgId", "title", "createdAt", "updatedAt")
SELECT 'vac_' || md5(c."orgId" || E'\n' || c."position"), c."orgId", c."position", min(c."createdAt"), CURRENT_TIMESTAMP
FROM "Candidate" c
GROUP BY c."orgId", c."position";

INSERT INTO "VacancyStage" ("id", "vacancyId", "position", "name", "scriptVersionId")
SELECT 'stg_' || md5(v."id"), v."id", 1, 'Panel interview',
  (SELECT i."scriptVersionId" FROM "Interview" i JOIN "Candidate" c ON c."id" = i."candidateId"
    WHERE c."orgId" = v."orgId" AND c."position" = v."title"
    GROUP BY i."scriptVersionId" ORDER BY count(*) DESC, max(i."scheduledAt") DESC LIMIT 1)
FROM "Vacancy" v;

INSERT INTO "VacancyManager" ("vacancyId", "userId")
SELECT DISTINCT v."id", s."createdById"
FROM "Vacancy" v
JOIN "Candidate" c ON c."orgId" = v."orgId" AND c."position" = v."title"
JOIN "Interview" i ON i."candidateId" = c."id"
JOIN "ScriptVersion" sv ON sv."id" = i."scriptVersionId"
JOIN "InterviewScript" s ON s."id" = sv."scriptId"
JOIN "Membership" m ON m."orgId" = v."orgId" AND m."userId" = s."createdById" AND m."role" = 'HIRING_MANAGER'
WHERE s."createdById" IS NOT NULL;

UPDATE "Candidate" c
SET "vacancyId" = 'vac_' || md5(c."orgId" || E'\n' || c."position"),
    "stageId" = 'stg_' || md5('vac_' || md5(c."orgId" || E'\n' || c."position")),
    "personId" = 'per_' || md5(c."orgId" || E'\n' || COALESCE(lower(c."email"), c."id"));

INSERT INTO "Person" ("id", "orgId", "createdAt")
SELECT c."personId", c."orgId", min(c."createdAt") FROM "Candidate" c GROUP BY c."personId", c."orgId";

UPDATE "Interview" i SET "stageId" = c."stageId" FROM "Candidate" c WHERE c."id" = i."candidateId";

DROP INDEX "Candidate_orgId_position_idx";
ALTER TABLE "Candidate" DROP COLUMN "position",
ALTER COLUMN "personId" SET NOT NULL,
ALTER COLUMN "vacancyId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Vacancy_orgId_status_idx" ON "Vacancy"("orgId", "status");

-- CreateIndex
CREATE INDEX "Vacancy_orgId_title_idx" ON "Vacancy"("orgId", "title");

-- CreateIndex
CREATE INDEX "VacancyManager_userId_idx" ON "VacancyManager"("userId");

-- CreateIndex
CREATE INDEX "VacancyStage_vacancyId_position_idx" ON "VacancyStage"("vacancyId", "position");

-- CreateIndex
CREATE INDEX "VacancyStagePanelist_userId_idx" ON "VacancyStagePanelist"("userId");

-- CreateIndex
CREATE INDEX "Person_orgId_idx" ON "Person"("orgId");

-- CreateIndex
CREATE INDEX "Debrief_orgId_status_idx" ON "Debrief"("orgId", "status");

-- CreateIndex
CREATE INDEX "Debrief_stageId_idx" ON "Debrief"("stageId");

-- CreateIndex
CREATE UNIQUE INDEX "Debrief_candidateId_stageId_key" ON "Debrief"("candidateId", "stageId");

-- CreateIndex
CREATE UNIQUE INDEX "DebriefEntry_debriefId_itemId_competencyId_key" ON "DebriefEntry"("debriefId", "itemId", "competencyId");

-- CreateIndex
CREATE INDEX "DebriefComment_debriefId_createdAt_idx" ON "DebriefComment"("debriefId", "createdAt");

-- CreateIndex
CREATE INDEX "DebriefCorrection_debriefId_createdAt_idx" ON "DebriefCorrection"("debriefId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_debriefId_key" ON "Decision"("debriefId");

-- CreateIndex
CREATE INDEX "Decision_orgId_decidedAt_idx" ON "Decision"("orgId", "decidedAt");

-- CreateIndex
CREATE INDEX "Decision_candidateId_decidedAt_idx" ON "Decision"("candidateId", "decidedAt");

-- CreateIndex
CREATE INDEX "Candidate_vacancyId_stageId_idx" ON "Candidate"("vacancyId", "stageId");

-- CreateIndex
CREATE INDEX "Candidate_personId_idx" ON "Candidate"("personId");

-- CreateIndex
CREATE INDEX "Interview_stageId_idx" ON "Interview"("stageId");

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "VacancyStage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "VacancyStage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacancyManager" ADD CONSTRAINT "VacancyManager_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacancyManager" ADD CONSTRAINT "VacancyManager_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacancyStage" ADD CONSTRAINT "VacancyStage_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacancyStage" ADD CONSTRAINT "VacancyStage_scriptVersionId_fkey" FOREIGN KEY ("scriptVersionId") REFERENCES "ScriptVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacancyStageWeight" ADD CONSTRAINT "VacancyStageWeight_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "VacancyStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacancyStageWeight" ADD CONSTRAINT "VacancyStageWeight_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "Competency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacancyStagePanelist" ADD CONSTRAINT "VacancyStagePanelist_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "VacancyStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacancyStagePanelist" ADD CONSTRAINT "VacancyStagePanelist_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Debrief" ADD CONSTRAINT "Debrief_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Debrief" ADD CONSTRAINT "Debrief_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Debrief" ADD CONSTRAINT "Debrief_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "VacancyStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Debrief" ADD CONSTRAINT "Debrief_chairId_fkey" FOREIGN KEY ("chairId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebriefEntry" ADD CONSTRAINT "DebriefEntry_debriefId_fkey" FOREIGN KEY ("debriefId") REFERENCES "Debrief"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebriefEntry" ADD CONSTRAINT "DebriefEntry_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ScriptItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebriefEntry" ADD CONSTRAINT "DebriefEntry_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "Competency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebriefEntry" ADD CONSTRAINT "DebriefEntry_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebriefComment" ADD CONSTRAINT "DebriefComment_debriefId_fkey" FOREIGN KEY ("debriefId") REFERENCES "Debrief"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebriefComment" ADD CONSTRAINT "DebriefComment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ScriptItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebriefComment" ADD CONSTRAINT "DebriefComment_competencyId_fkey" FOREIGN KEY ("competencyId") REFERENCES "Competency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebriefComment" ADD CONSTRAINT "DebriefComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebriefCorrection" ADD CONSTRAINT "DebriefCorrection_debriefId_fkey" FOREIGN KEY ("debriefId") REFERENCES "Debrief"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebriefCorrection" ADD CONSTRAINT "DebriefCorrection_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_debriefId_fkey" FOREIGN KEY ("debriefId") REFERENCES "Debrief"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "VacancyStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_nextStageId_fkey" FOREIGN KEY ("nextStageId") REFERENCES "VacancyStage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
