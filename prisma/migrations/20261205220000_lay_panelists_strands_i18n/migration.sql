-- CreateEnum
CREATE TYPE "PanelStrand" AS ENUM ('STAFF', 'EXTERNAL', 'SERVICE_USER');

-- CreateEnum
CREATE TYPE "StrandMode" AS ENUM ('WEIGHTED', 'ADVISORY');

-- AlterTable
ALTER TABLE "Competency" ADD COLUMN     "translations" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "CompetencyAnchor" ADD COLUMN     "easyRead" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "translations" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "strandDepartureReason" TEXT;

-- AlterTable
ALTER TABLE "PanelMember" ADD COLUMN     "strand" "PanelStrand" NOT NULL DEFAULT 'STAFF';

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "translations" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "QuestionBank" ADD COLUMN     "translations" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Scorecard" ADD COLUMN     "assisted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "supporterName" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "easyRead" BOOLEAN,
ADD COLUMN     "layOrgId" TEXT,
ADD COLUMN     "locale" TEXT;

-- AlterTable
ALTER TABLE "VacancyStage" ADD COLUMN     "strandsDeclaredAt" TIMESTAMP(3),
ADD COLUMN     "strandsLockedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "VacancyStagePanelist" ADD COLUMN     "strand" "PanelStrand" NOT NULL DEFAULT 'STAFF';

-- CreateTable
CREATE TABLE "VacancyStageStrand" (
    "stageId" TEXT NOT NULL,
    "strand" "PanelStrand" NOT NULL,
    "mode" "StrandMode" NOT NULL DEFAULT 'WEIGHTED',
    "weight" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "VacancyStageStrand_pkey" PRIMARY KEY ("stageId","strand")
);

-- CreateTable
CREATE TABLE "LayPanelistLink" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "deviceHash" TEXT,
    "contactEmail" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LayPanelistLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LayPanelistLink_tokenHash_key" ON "LayPanelistLink"("tokenHash");

-- CreateIndex
CREATE INDEX "LayPanelistLink_interviewId_idx" ON "LayPanelistLink"("interviewId");

-- CreateIndex
CREATE INDEX "LayPanelistLink_userId_idx" ON "LayPanelistLink"("userId");

-- CreateIndex
CREATE INDEX "LayPanelistLink_orgId_idx" ON "LayPanelistLink"("orgId");

-- CreateIndex
CREATE INDEX "User_layOrgId_idx" ON "User"("layOrgId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_layOrgId_fkey" FOREIGN KEY ("layOrgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacancyStageStrand" ADD CONSTRAINT "VacancyStageStrand_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "VacancyStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LayPanelistLink" ADD CONSTRAINT "LayPanelistLink_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LayPanelistLink" ADD CONSTRAINT "LayPanelistLink_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LayPanelistLink" ADD CONSTRAINT "LayPanelistLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LayPanelistLink" ADD CONSTRAINT "LayPanelistLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A strand weight is a percent of the weighted score.
ALTER TABLE "VacancyStageStrand" ADD CONSTRAINT "VacancyStageStrand_weight_range" CHECK ("weight" BETWEEN 0 AND 100);
