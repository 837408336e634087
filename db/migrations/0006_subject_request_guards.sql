-- Data-subject requests are never hard-deleted (a withdrawn request is "cancelled"), and their
-- timeline is append-only: enforced by the database, not only by the app (qplus_refuse_change is
-- defined in 0001_log_guards).
CREATE TRIGGER subject_requests_no_delete BEFORE DELETE ON "subject_requests" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER subject_requests_no_truncate BEFORE TRUNCATE ON "subject_requests" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER subject_request_events_append_only BEFORE UPDATE OR DELETE ON "subject_request_events" FOR EACH ROW EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
CREATE TRIGGER subject_request_events_no_truncate BEFORE TRUNCATE ON "subject_request_events" FOR EACH STATEMENT EXECUTE FUNCTION qplus_refuse_change();
--> statement-breakpoint
ALTER TABLE "subject_requests" ENABLE ALWAYS TRIGGER subject_requests_no_delete;
--> statement-breakpoint
ALTER TABLE "subject_requests" ENABLE ALWAYS TRIGGER subject_requests_no_truncate;
--> statement-breakpoint
ALTER TABLE "subject_request_events" ENABLE ALWAYS TRIGGER subject_request_events_append_only;
--> statement-breakpoint
ALTER TABLE "subject_request_events" ENABLE ALWAYS TRIGGER subject_request_events_no_truncate;
