-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "keepAnonymousRatings" BOOLEAN NOT NULL DEFAULT false;
