-- Deletion acts, their decisions and their trail are append-only, enforced by the database
-- (RULES D4: the proof of destruction is kept; the policy 4.4). A correction or a void is a new act.
-- qplus_refuse_change() comes from 0001_log_guards.sql.
CREATE TRIGGER deletion_acts_append_only BEFORE UPDATE OR DELETE ON "deletion_acts" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER deletion_acts_no_truncate BEFORE TRUNCATE ON "deletion_acts" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER deletion_act_decisions_append_only BEFORE UPDATE OR DELETE ON "deletion_act_decisions" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER deletion_act_decisions_no_truncate BEFORE TRUNCATE ON "deletion_act_decisions" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER deletion_act_events_append_only BEFORE UPDATE OR DELETE ON "deletion_act_events" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER deletion_act_events_no_truncate BEFORE TRUNCATE ON "deletion_act_events" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
-- A counter row may move forward only: deleting or lowering it would let a number be issued twice.
CREATE OR REPLACE FUNCTION deletion_act_counters_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.last_number <> OLD.last_number + 1 OR NEW.year <> OLD.year THEN
    RAISE EXCEPTION 'deletion_act_counters only moves forward by one (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER deletion_act_counters_forward BEFORE UPDATE OR DELETE ON "deletion_act_counters" FOR EACH ROW EXECUTE FUNCTION deletion_act_counters_forward_only();
--> statement-breakpoint
CREATE TRIGGER deletion_act_counters_no_truncate BEFORE TRUNCATE ON "deletion_act_counters" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
-- ENABLE ALWAYS: the triggers fire even under session_replication_role = replica.
ALTER TABLE "deletion_acts" ENABLE ALWAYS TRIGGER deletion_acts_append_only;
--> statement-breakpoint
ALTER TABLE "deletion_acts" ENABLE ALWAYS TRIGGER deletion_acts_no_truncate;
--> statement-breakpoint
ALTER TABLE "deletion_act_decisions" ENABLE ALWAYS TRIGGER deletion_act_decisions_append_only;
--> statement-breakpoint
ALTER TABLE "deletion_act_decisions" ENABLE ALWAYS TRIGGER deletion_act_decisions_no_truncate;
--> statement-breakpoint
ALTER TABLE "deletion_act_events" ENABLE ALWAYS TRIGGER deletion_act_events_append_only;
--> statement-breakpoint
ALTER TABLE "deletion_act_events" ENABLE ALWAYS TRIGGER deletion_act_events_no_truncate;
--> statement-breakpoint
ALTER TABLE "deletion_act_counters" ENABLE ALWAYS TRIGGER deletion_act_counters_forward;
--> statement-breakpoint
ALTER TABLE "deletion_act_counters" ENABLE ALWAYS TRIGGER deletion_act_counters_no_truncate;
