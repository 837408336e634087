-- The transfer log is append-only, enforced by the database itself (not only by the app).

-- The head row always exists: appends lock it to assign gap-free sequence numbers.
INSERT INTO "transfer_log_head" ("id", "size", "frontier", "updated_at") VALUES (1, 0, '[]'::jsonb, now()) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION qplus_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the table % is append-only: % is refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER transfer_log_entries_append_only BEFORE UPDATE OR DELETE ON "transfer_log_entries" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transfer_log_entries_no_truncate BEFORE TRUNCATE ON "transfer_log_entries" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER log_checkpoints_append_only BEFORE UPDATE OR DELETE ON "log_checkpoints" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER log_checkpoints_no_truncate BEFORE TRUNCATE ON "log_checkpoints" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER log_access_events_append_only BEFORE UPDATE OR DELETE ON "log_access_events" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER log_access_events_no_truncate BEFORE TRUNCATE ON "log_access_events" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER transfer_log_head_no_delete BEFORE DELETE ON "transfer_log_head" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
-- ENABLE ALWAYS: the triggers fire even under session_replication_role = replica.
ALTER TABLE "transfer_log_entries" ENABLE ALWAYS TRIGGER transfer_log_entries_append_only;
--> statement-breakpoint
ALTER TABLE "transfer_log_entries" ENABLE ALWAYS TRIGGER transfer_log_entries_no_truncate;
--> statement-breakpoint
ALTER TABLE "log_checkpoints" ENABLE ALWAYS TRIGGER log_checkpoints_append_only;
--> statement-breakpoint
ALTER TABLE "log_checkpoints" ENABLE ALWAYS TRIGGER log_checkpoints_no_truncate;
--> statement-breakpoint
ALTER TABLE "log_access_events" ENABLE ALWAYS TRIGGER log_access_events_append_only;
--> statement-breakpoint
ALTER TABLE "log_access_events" ENABLE ALWAYS TRIGGER log_access_events_no_truncate;
--> statement-breakpoint
ALTER TABLE "transfer_log_head" ENABLE ALWAYS TRIGGER transfer_log_head_no_delete;
--> statement-breakpoint
-- The role the app's log writes run as (SET LOCAL ROLE): it does not own the tables and may only
-- read and insert the log; it may update the head row, which carries no history of its own.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'qplus_log_writer') THEN
    CREATE ROLE qplus_log_writer NOLOGIN;
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO qplus_log_writer;
--> statement-breakpoint
GRANT SELECT, INSERT ON "transfer_log_entries", "log_checkpoints", "log_access_events" TO qplus_log_writer;
--> statement-breakpoint
GRANT SELECT, UPDATE ON "transfer_log_head" TO qplus_log_writer;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE "log_checkpoints_id_seq", "log_access_events_id_seq" TO qplus_log_writer;

--> statement-breakpoint
-- Published editions are append-only: what was published stays what was published.
CREATE OR REPLACE FUNCTION policy_publications_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'policy_publications is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER policy_publications_no_update_delete BEFORE UPDATE OR DELETE ON "policy_publications" FOR EACH ROW EXECUTE FUNCTION policy_publications_append_only();
--> statement-breakpoint
CREATE TRIGGER policy_publications_no_truncate BEFORE TRUNCATE ON "policy_publications" FOR EACH STATEMENT EXECUTE FUNCTION policy_publications_append_only();
--> statement-breakpoint
ALTER TABLE "policy_publications" ENABLE ALWAYS TRIGGER policy_publications_no_update_delete;
--> statement-breakpoint
ALTER TABLE "policy_publications" ENABLE ALWAYS TRIGGER policy_publications_no_truncate;
