-- CreateEnum
CREATE TYPE "DriftReason" AS ENUM ('LENIENT', 'SEVERE', 'NARROW_RANGE');

-- CreateTable
CREATE TABLE "PracticeRefresher" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reasons" "DriftReason"[],
    "leniencyOffset" DOUBLE PRECISION,
    "ratings" INTEGER NOT NULL,
    "levelsUsed" INTEGER NOT NULL,
    "competencyIds" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailedAt" TIMESTAMP(3),

    CONSTRAINT "PracticeRefresher_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PracticeRefresher_orgId_userId_createdAt_idx" ON "PracticeRefresher"("orgId", "userId", "createdAt");

-- AddForeignKey
ALTER TABLE "PracticeRefresher" ADD CONSTRAINT "PracticeRefresher_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeRefresher" ADD CONSTRAINT "PracticeRefresher_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
