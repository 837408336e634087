CREATE TABLE "deletion_act_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deletion_act_decisions" (
	"act_id" uuid PRIMARY KEY NOT NULL,
	"outcome" text NOT NULL,
	"approver_user_id" uuid NOT NULL,
	"approver_name" text NOT NULL,
	"approver_email" text NOT NULL,
	"comment" text,
	"decided_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deletion_act_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"act_id" uuid NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"role" text,
	"format" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"address" text
);
--> statement-breakpoint
CREATE TABLE "deletion_acts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"kind" text DEFAULT 'deletion' NOT NULL,
	"supersedes_act_id" uuid,
	"supersede_reason" text,
	"subject_request_id" uuid,
	"act_date" date NOT NULL,
	"deleted_on" date NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_value" text NOT NULL,
	"purpose_codes" jsonb NOT NULL,
	"data_items" jsonb NOT NULL,
	"systems" jsonb NOT NULL,
	"reason" text NOT NULL,
	"legal_reference_codes" jsonb NOT NULL,
	"legal_ground" text NOT NULL,
	"method" text NOT NULL,
	"language" text NOT NULL,
	"notes" text,
	"executor_user_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_by_email" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deletion_acts_supersedes_reason" CHECK (("deletion_acts"."kind" = 'deletion') = ("deletion_acts"."supersedes_act_id" is null) and ("deletion_acts"."supersedes_act_id" is null) = ("deletion_acts"."supersede_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "deletion_act_decisions" ADD CONSTRAINT "deletion_act_decisions_act_id_deletion_acts_id_fk" FOREIGN KEY ("act_id") REFERENCES "public"."deletion_acts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deletion_act_decisions" ADD CONSTRAINT "deletion_act_decisions_approver_user_id_users_id_fk" FOREIGN KEY ("approver_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deletion_act_events" ADD CONSTRAINT "deletion_act_events_act_id_deletion_acts_id_fk" FOREIGN KEY ("act_id") REFERENCES "public"."deletion_acts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deletion_act_events" ADD CONSTRAINT "deletion_act_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deletion_acts" ADD CONSTRAINT "deletion_acts_supersedes_act_id_deletion_acts_id_fk" FOREIGN KEY ("supersedes_act_id") REFERENCES "public"."deletion_acts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deletion_acts" ADD CONSTRAINT "deletion_acts_executor_user_id_users_id_fk" FOREIGN KEY ("executor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deletion_acts" ADD CONSTRAINT "deletion_acts_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deletion_act_events_act" ON "deletion_act_events" USING btree ("act_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "deletion_acts_number" ON "deletion_acts" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "deletion_acts_year_seq" ON "deletion_acts" USING btree ("year","seq");--> statement-breakpoint
CREATE INDEX "deletion_acts_subject" ON "deletion_acts" USING btree ("subject_kind","subject_value");--> statement-breakpoint
CREATE INDEX "deletion_acts_request" ON "deletion_acts" USING btree ("subject_request_id");--> statement-breakpoint
CREATE INDEX "deletion_acts_supersedes" ON "deletion_acts" USING btree ("supersedes_act_id");