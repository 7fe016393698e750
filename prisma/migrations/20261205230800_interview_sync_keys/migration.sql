-- The REST API's interview list walks an organisation's interviews in order of last change (keyset pages).
CREATE INDEX "Interview_orgId_updatedAt_id_idx" ON "Interview"("orgId", "updatedAt", "id");
