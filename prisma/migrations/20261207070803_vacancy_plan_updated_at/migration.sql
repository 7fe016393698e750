-- A vacancy's interview plan gets a version of its own, so that saving the vacancy's details (which moves
-- "updatedAt") no longer makes an open plan editor's save conflict. Existing plans start from the vacancy's
-- last change, which is what their editors loaded.
ALTER TABLE "Vacancy" ADD COLUMN     "planUpdatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "Vacancy" SET "planUpdatedAt" = "updatedAt";
