-- The portal serves through a role that owns nothing (issue 12, item 6). The role that owns the
-- schema runs these migrations; the serving login role is made a member of qplus_portal, which holds
-- exactly the grants the portal needs. Owning a table means being able to ALTER it, DISABLE its
-- triggers and TRUNCATE it, so the triggers below are the guard against the owner and the grants
-- are the guard against the portal. README "Running on a PostgreSQL server" shows the roles.

-- The group role. Created here when the owner may create roles (embedded, or an owner with
-- CREATEROLE); otherwise the administrator creates it beforehand, as the README shows.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'qplus_portal') THEN
    CREATE ROLE qplus_portal NOLOGIN;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE EXCEPTION 'The role qplus_portal does not exist and % may not create it. As a superuser run: CREATE ROLE qplus_portal NOLOGIN; GRANT qplus_log_writer TO qplus_portal; (README "Running on a PostgreSQL server")', current_user
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
-- The portal's log writes run as qplus_log_writer (SET LOCAL ROLE), so the portal must be its member.
DO $$
BEGIN
  IF NOT pg_has_role('qplus_portal', 'qplus_log_writer', 'MEMBER') THEN
    GRANT qplus_log_writer TO qplus_portal;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE EXCEPTION '% may not make qplus_portal a member of qplus_log_writer. As a superuser run: GRANT qplus_log_writer TO qplus_portal; (README "Running on a PostgreSQL server")', current_user
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
-- Nobody but the owner creates objects in the schema (PostgreSQL before 15 let PUBLIC do so).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO qplus_portal;
--> statement-breakpoint
-- Start from nothing, so the grants below are the whole list (the migration is safe to re-apply).
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM qplus_portal;
--> statement-breakpoint
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM qplus_portal;
--> statement-breakpoint
-- Every table is readable. A table created by a later migration is readable too (default
-- privileges of the owner), and writable only by the grants that migration adds itself.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO qplus_portal;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO qplus_portal;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO qplus_portal;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO qplus_portal;
--> statement-breakpoint
-- The register and the workflows: entries change (with a version row each time) and are archived,
-- never deleted, so no DELETE.
GRANT INSERT, UPDATE ON "users", "api_tokens", "recipients", "processing_actions", "data_categories", "data_items",
  "subject_categories", "legal_references", "countries", "country_calendar_days", "processing_purposes",
  "transfer_requests", "notifications", "email_outbox", "subject_requests", "deletion_act_counters" TO qplus_portal;
--> statement-breakpoint
-- Link rows that a save rewrites; their history is in recipient_versions and catalogue_versions.
GRANT INSERT, DELETE ON "recipient_purposes", "purpose_data_items" TO qplus_portal;
--> statement-breakpoint
-- Append-only records: written once, then only read.
GRANT INSERT ON "audit_events", "recipient_versions", "catalogue_versions", "transfer_rule_evaluations",
  "transfer_decisions", "transfer_request_events", "notification_reads", "sign_in_attempts", "policy_publications",
  "deletion_acts", "deletion_act_decisions", "deletion_act_events", "subject_request_events" TO qplus_portal;
--> statement-breakpoint
-- SELECT … FOR UPDATE needs an UPDATE privilege on some column: the key column only, so a correction
-- can lock the act it supersedes. Any actual UPDATE is refused by deletion_acts_append_only.
GRANT UPDATE ("id") ON "deletion_acts" TO qplus_portal;
--> statement-breakpoint
-- Signing keys are created, and a key is retired by setting valid_until (once: trigger below).
GRANT INSERT, UPDATE ("valid_until") ON "log_signing_keys" TO qplus_portal;
--> statement-breakpoint
-- The log itself (entries, head, daily summary, checkpoints, access log) is written only through
-- qplus_log_writer's grants (0001, 0002), which the portal holds as its member.
-- The portal checks at start that its schema is current, without being able to migrate it.
GRANT USAGE ON SCHEMA drizzle TO qplus_portal;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO qplus_portal;
--> statement-breakpoint

-- ---- Append-only in the database itself, for every role including the owner ----
-- qplus_refuse_change() comes from 0001_log_guards. ENABLE ALWAYS: they fire under
-- session_replication_role = replica too.
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER recipient_versions_append_only BEFORE UPDATE OR DELETE ON "recipient_versions" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER recipient_versions_no_truncate BEFORE TRUNCATE ON "recipient_versions" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER catalogue_versions_append_only BEFORE UPDATE OR DELETE ON "catalogue_versions" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER catalogue_versions_no_truncate BEFORE TRUNCATE ON "catalogue_versions" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transfer_rule_evaluations_append_only BEFORE UPDATE OR DELETE ON "transfer_rule_evaluations" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transfer_rule_evaluations_no_truncate BEFORE TRUNCATE ON "transfer_rule_evaluations" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transfer_decisions_append_only BEFORE UPDATE OR DELETE ON "transfer_decisions" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transfer_decisions_no_truncate BEFORE TRUNCATE ON "transfer_decisions" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transfer_request_events_append_only BEFORE UPDATE OR DELETE ON "transfer_request_events" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transfer_request_events_no_truncate BEFORE TRUNCATE ON "transfer_request_events" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
-- The register's entries are archived, never deleted (ARCHITECTURE "The register keeps its history").
CREATE TRIGGER recipients_no_delete BEFORE DELETE ON "recipients" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER recipients_no_truncate BEFORE TRUNCATE ON "recipients" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER processing_purposes_no_delete BEFORE DELETE ON "processing_purposes" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER processing_purposes_no_truncate BEFORE TRUNCATE ON "processing_purposes" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transfer_requests_no_delete BEFORE DELETE ON "transfer_requests" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transfer_requests_no_truncate BEFORE TRUNCATE ON "transfer_requests" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transfer_log_head_no_truncate BEFORE TRUNCATE ON "transfer_log_head" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
-- The head moves only through the append path: forward, over entries that are all there, and with
-- nothing logged beyond it. No second head row. (The frontier is checked by every proof and by the
-- verifier, which recompute it from the entries' hashes.)
CREATE OR REPLACE FUNCTION transfer_log_head_moves_with_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  appended bigint;
BEGIN
  IF TG_OP = 'INSERT' THEN
    RAISE EXCEPTION 'transfer_log_head has one row, created by the migrations: INSERT refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.id <> OLD.id OR NEW.size <= OLD.size THEN
    RAISE EXCEPTION 'transfer_log_head only moves forward with appended entries (size % to % refused)', OLD.size, NEW.size USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT count(*) INTO appended FROM transfer_log_entries WHERE seq >= OLD.size AND seq < NEW.size;
  IF appended <> NEW.size - OLD.size OR EXISTS (SELECT 1 FROM transfer_log_entries WHERE seq >= NEW.size) THEN
    RAISE EXCEPTION 'transfer_log_head only moves forward with appended entries: entries % to % are not exactly what is logged', OLD.size, NEW.size - 1 USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER transfer_log_head_moves_with_entries BEFORE INSERT OR UPDATE ON "transfer_log_head" FOR EACH ROW EXECUTE FUNCTION transfer_log_head_moves_with_entries();
--> statement-breakpoint
-- A signing key is never deleted, and the one change it may see is getting its valid_until, once,
-- no earlier than its start nor than the last checkpoint it signed (which would disown that checkpoint).
CREATE OR REPLACE FUNCTION log_signing_keys_retire_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'log_signing_keys: a signing key is never deleted (DELETE of % refused)', OLD.key_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.valid_until IS NOT NULL OR NEW.valid_until IS NULL
     OR to_jsonb(NEW) - 'valid_until' IS DISTINCT FROM to_jsonb(OLD) - 'valid_until'
     OR NEW.valid_until < OLD.valid_from
     OR NEW.valid_until < (SELECT max(issued_at) FROM log_checkpoints WHERE key_id = OLD.key_id) THEN
    RAISE EXCEPTION 'log_signing_keys: a key only gets its valid_until set, once, after its last checkpoint (UPDATE of % refused)', OLD.key_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER log_signing_keys_retire_once BEFORE UPDATE OR DELETE ON "log_signing_keys" FOR EACH ROW EXECUTE FUNCTION log_signing_keys_retire_once();
--> statement-breakpoint
CREATE TRIGGER log_signing_keys_no_truncate BEFORE TRUNCATE ON "log_signing_keys" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE ALWAYS TRIGGER audit_events_append_only;
--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE ALWAYS TRIGGER audit_events_no_truncate;
--> statement-breakpoint
ALTER TABLE "recipient_versions" ENABLE ALWAYS TRIGGER recipient_versions_append_only;
--> statement-breakpoint
ALTER TABLE "recipient_versions" ENABLE ALWAYS TRIGGER recipient_versions_no_truncate;
--> statement-breakpoint
ALTER TABLE "catalogue_versions" ENABLE ALWAYS TRIGGER catalogue_versions_append_only;
--> statement-breakpoint
ALTER TABLE "catalogue_versions" ENABLE ALWAYS TRIGGER catalogue_versions_no_truncate;
--> statement-breakpoint
ALTER TABLE "transfer_rule_evaluations" ENABLE ALWAYS TRIGGER transfer_rule_evaluations_append_only;
--> statement-breakpoint
ALTER TABLE "transfer_rule_evaluations" ENABLE ALWAYS TRIGGER transfer_rule_evaluations_no_truncate;
--> statement-breakpoint
ALTER TABLE "transfer_decisions" ENABLE ALWAYS TRIGGER transfer_decisions_append_only;
--> statement-breakpoint
ALTER TABLE "transfer_decisions" ENABLE ALWAYS TRIGGER transfer_decisions_no_truncate;
--> statement-breakpoint
ALTER TABLE "transfer_request_events" ENABLE ALWAYS TRIGGER transfer_request_events_append_only;
--> statement-breakpoint
ALTER TABLE "transfer_request_events" ENABLE ALWAYS TRIGGER transfer_request_events_no_truncate;
--> statement-breakpoint
ALTER TABLE "recipients" ENABLE ALWAYS TRIGGER recipients_no_delete;
--> statement-breakpoint
ALTER TABLE "recipients" ENABLE ALWAYS TRIGGER recipients_no_truncate;
--> statement-breakpoint
ALTER TABLE "processing_purposes" ENABLE ALWAYS TRIGGER processing_purposes_no_delete;
--> statement-breakpoint
ALTER TABLE "processing_purposes" ENABLE ALWAYS TRIGGER processing_purposes_no_truncate;
--> statement-breakpoint
ALTER TABLE "transfer_requests" ENABLE ALWAYS TRIGGER transfer_requests_no_delete;
--> statement-breakpoint
ALTER TABLE "transfer_requests" ENABLE ALWAYS TRIGGER transfer_requests_no_truncate;
--> statement-breakpoint
ALTER TABLE "transfer_log_head" ENABLE ALWAYS TRIGGER transfer_log_head_no_truncate;
--> statement-breakpoint
ALTER TABLE "transfer_log_head" ENABLE ALWAYS TRIGGER transfer_log_head_moves_with_entries;
--> statement-breakpoint
ALTER TABLE "log_signing_keys" ENABLE ALWAYS TRIGGER log_signing_keys_retire_once;
--> statement-breakpoint
ALTER TABLE "log_signing_keys" ENABLE ALWAYS TRIGGER log_signing_keys_no_truncate;
