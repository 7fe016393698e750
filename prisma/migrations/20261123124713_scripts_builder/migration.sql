-- AlterTable
ALTER TABLE "ScriptItem" ADD COLUMN     "exampleAnswer" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ScriptVersionCompetency" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "InterviewScript_orgId_updatedAt_idx" ON "InterviewScript"("orgId", "updatedAt");
