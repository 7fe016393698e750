-- AlterTable
ALTER TABLE "PanelMember" ADD COLUMN     "reminderSentAt" TIMESTAMP(3);
