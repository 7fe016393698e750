-- AlterTable
ALTER TABLE "PracticeRating" ADD COLUMN     "revealedAt" TIMESTAMP(3);
