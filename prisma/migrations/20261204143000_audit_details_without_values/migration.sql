-- Audit event details never hold a rating, a recommendation or free text about a candidate: admins read the
-- log while they may sit on a panel, and rows can't be edited afterwards, so an erasure could not remove it.
-- Events recorded before this rule keep their ids, dates and counts; the values go, the field names stay.
-- The append-only trigger is lifted for this one rewrite only.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "audit_event_no_update_or_delete";

UPDATE "AuditEvent"
SET "data" = ("data" #- '{from,location}' #- '{to,location}')
  || jsonb_build_object('changed', (
    SELECT coalesce(jsonb_agg(k), '[]'::jsonb)
    FROM unnest(ARRAY['scheduledAt', 'location', 'status']) AS k
    WHERE "data" -> 'from' ->> k IS DISTINCT FROM "data" -> 'to' ->> k))
WHERE "action" = 'interview.updated' AND ("data" -> 'from' ? 'location' OR "data" -> 'to' ? 'location');

UPDATE "AuditEvent"
SET "data" = "data" - 'recommendation'
WHERE "action" = 'scorecard.submitted' AND "data" ? 'recommendation';

UPDATE "AuditEvent"
SET "data" = ("data" - 'reason' - 'before' - 'after')
  || jsonb_build_object('changed', (
    SELECT coalesce(jsonb_agg(k ORDER BY k), '[]'::jsonb)
    FROM jsonb_object_keys(coalesce("data" -> 'after', '{}'::jsonb)) AS k))
WHERE "action" = 'scorecard.amended' AND ("data" ? 'reason' OR "data" ? 'before' OR "data" ? 'after');

ALTER TABLE "AuditEvent" ENABLE TRIGGER "audit_event_no_update_or_delete";
