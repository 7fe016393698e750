-- AlterTable
ALTER TABLE "Rating" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "ScorecardNote" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
