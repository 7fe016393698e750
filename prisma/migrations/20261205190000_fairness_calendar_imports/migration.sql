-- AlterTable
ALTER TABLE "Interview" ADD COLUMN     "calendarSequence" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "bankImportMapping" JSONB,
ADD COLUMN     "candidateImportMapping" JSONB,
ADD COLUMN     "monitoringCategories" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "monitoringMinCell" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "monitoringReportForManagers" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "overdueEscalationHours" INTEGER NOT NULL DEFAULT 48,
ADD COLUMN     "reminderDayBefore" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "reminderHourBefore" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- AlterTable
ALTER TABLE "PanelMember" ADD COLUMN     "dayBeforeReminderAt" TIMESTAMP(3),
ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "hourBeforeReminderAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CalendarFeedToken" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeedToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringInvite" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringResponse" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonitoringResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeedToken_tokenHash_key" ON "CalendarFeedToken"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeedToken_userId_orgId_idx" ON "CalendarFeedToken"("userId", "orgId");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringInvite_tokenHash_key" ON "MonitoringInvite"("tokenHash");

-- CreateIndex
CREATE INDEX "MonitoringInvite_candidateId_idx" ON "MonitoringInvite"("candidateId");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringResponse_candidateId_key" ON "MonitoringResponse"("candidateId");

-- CreateIndex
CREATE INDEX "MonitoringResponse_orgId_idx" ON "MonitoringResponse"("orgId");

-- AddForeignKey
ALTER TABLE "CalendarFeedToken" ADD CONSTRAINT "CalendarFeedToken_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeedToken" ADD CONSTRAINT "CalendarFeedToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringInvite" ADD CONSTRAINT "MonitoringInvite_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringInvite" ADD CONSTRAINT "MonitoringInvite_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringResponse" ADD CONSTRAINT "MonitoringResponse_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringResponse" ADD CONSTRAINT "MonitoringResponse_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Monitoring figures never rest on fewer than 5 people, whatever an organisation sets.
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_monitoringMinCell_check" CHECK ("monitoringMinCell" >= 5);
