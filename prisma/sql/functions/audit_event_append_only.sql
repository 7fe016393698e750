-- Current definition; last written by prisma/migrations/20261123121940_init/migration.sql.
-- The audit log is append-only for the application: no UPDATE, DELETE or TRUNCATE gets through.
CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
