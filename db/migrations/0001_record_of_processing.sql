CREATE TABLE "policy_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" text NOT NULL,
	"published_on" date NOT NULL,
	"snapshot" jsonb NOT NULL,
	"published_by" uuid,
	"published_by_email" text NOT NULL,
	"published_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_publications_version_unique" UNIQUE("version")
);
--> statement-breakpoint
ALTER TABLE "policy_publications" ADD CONSTRAINT "policy_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_publications_published_on" ON "policy_publications" USING btree ("published_on");--> statement-breakpoint
-- Published editions are append-only: what was published stays what was published.
CREATE OR REPLACE FUNCTION policy_publications_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'policy_publications is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER policy_publications_no_update_delete BEFORE UPDATE OR DELETE ON "policy_publications" FOR EACH ROW EXECUTE FUNCTION policy_publications_append_only();--> statement-breakpoint
CREATE TRIGGER policy_publications_no_truncate BEFORE TRUNCATE ON "policy_publications" FOR EACH STATEMENT EXECUTE FUNCTION policy_publications_append_only();--> statement-breakpoint
ALTER TABLE "policy_publications" ENABLE ALWAYS TRIGGER policy_publications_no_update_delete;--> statement-breakpoint
ALTER TABLE "policy_publications" ENABLE ALWAYS TRIGGER policy_publications_no_truncate;
