CREATE TABLE "sign_in_counters" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "sign_in_counters_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
ALTER TABLE "sign_in_attempts" ADD COLUMN "outcome" text;--> statement-breakpoint
-- Throttling counters are counted up and cleared in place; never deleted (a window restarts by UPDATE).
GRANT INSERT, UPDATE ON "sign_in_counters" TO qplus_portal;
