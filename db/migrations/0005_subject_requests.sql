CREATE TABLE "subject_request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "subject_request_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"reason" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "subject_requests_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"status" text DEFAULT 'received' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"subject_id_kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"contact_address" text,
	"law" text NOT NULL,
	"channel" text NOT NULL,
	"right" text NOT NULL,
	"deletion_ground" text,
	"law_right" text NOT NULL,
	"purpose_codes" jsonb NOT NULL,
	"summary" text,
	"answer_locale" text NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"extended_at" timestamp (3) with time zone,
	"extension_notice" text,
	"outcome" text,
	"decision_reason" text,
	"legal_ground_code" text,
	"retention_trigger_on" date,
	"granted_purpose_codes" jsonb,
	"retained_purposes" jsonb,
	"data_items_concerned" jsonb,
	"service_ends_acknowledged" boolean,
	"answer_text" text,
	"answer_subject" text,
	"answer_language" text,
	"closed_at" timestamp (3) with time zone,
	"closed_by_user_id" uuid,
	"closed_by_email" text,
	"created_by_user_id" uuid,
	"created_by_email" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_requests_deletion_ground" CHECK (("subject_requests"."right" = 'deletion') = ("subject_requests"."deletion_ground" is not null)),
	CONSTRAINT "subject_requests_due" CHECK ("subject_requests"."due_on" >= "subject_requests"."received_on")
);
--> statement-breakpoint
ALTER TABLE "subject_request_events" ADD CONSTRAINT "subject_request_events_request_id_subject_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subject_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_request_events" ADD CONSTRAINT "subject_request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subject_request_events_request" ON "subject_request_events" USING btree ("request_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_requests_number" ON "subject_requests" USING btree ("number");--> statement-breakpoint
CREATE INDEX "subject_requests_queue" ON "subject_requests" USING btree ("status","due_on");--> statement-breakpoint
ALTER TABLE "deletion_acts" ADD CONSTRAINT "deletion_acts_subject_request_id_subject_requests_id_fk" FOREIGN KEY ("subject_request_id") REFERENCES "public"."subject_requests"("id") ON DELETE no action ON UPDATE no action;