CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text NOT NULL,
	"locale" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_reads" (
	"notification_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_reads_notification_id_user_id_pk" PRIMARY KEY("notification_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"role" text,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text NOT NULL,
	"actor_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp (3) with time zone,
	CONSTRAINT "notifications_audience" CHECK ("notifications"."user_id" is not null or "notifications"."role" is not null)
);
--> statement-breakpoint
CREATE TABLE "transfer_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"recipient_id" uuid NOT NULL,
	"recipient_version" integer NOT NULL,
	"purpose_versions" jsonb NOT NULL,
	"valid_until" date,
	"acknowledged_rule_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_by_email" text NOT NULL,
	"decided_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfer_request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "transfer_request_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" uuid,
	"actor_token_id" uuid,
	"actor_label" text NOT NULL,
	"reason" text,
	"evaluation_id" uuid,
	"decision_id" uuid,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfer_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "transfer_requests_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"requester_user_id" uuid,
	"requester_token_id" uuid,
	"requester_label" text NOT NULL,
	"recipient_id" uuid NOT NULL,
	"purpose_codes" jsonb NOT NULL,
	"subject_categories" jsonb NOT NULL,
	"populations" jsonb NOT NULL,
	"data_items" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"mode" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"expected_volume" bigint NOT NULL,
	"volume_period" text NOT NULL,
	"sending_system" text NOT NULL,
	"cross_border_ground" text,
	"depersonalised" boolean DEFAULT false NOT NULL,
	"justification" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp (3) with time zone,
	"submitted_by_user_id" uuid,
	"decided_at" timestamp (3) with time zone,
	"approved_at" timestamp (3) with time zone,
	"valid_until" date,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "transfer_requests_period" CHECK ("transfer_requests"."period_end" >= "transfer_requests"."period_start"),
	CONSTRAINT "transfer_requests_requester_known" CHECK ("transfer_requests"."requester_user_id" is not null or "transfer_requests"."requester_token_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "transfer_rule_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"evaluated_on" date NOT NULL,
	"recipient_version" integer NOT NULL,
	"purpose_versions" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"blocked" boolean NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_decisions" ADD CONSTRAINT "transfer_decisions_request_id_transfer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."transfer_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_decisions" ADD CONSTRAINT "transfer_decisions_recipient_id_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_decisions" ADD CONSTRAINT "transfer_decisions_evaluation_id_transfer_rule_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."transfer_rule_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_decisions" ADD CONSTRAINT "transfer_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_request_events" ADD CONSTRAINT "transfer_request_events_request_id_transfer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."transfer_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_request_events" ADD CONSTRAINT "transfer_request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_request_events" ADD CONSTRAINT "transfer_request_events_actor_token_id_api_tokens_id_fk" FOREIGN KEY ("actor_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_request_events" ADD CONSTRAINT "transfer_request_events_evaluation_id_transfer_rule_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."transfer_rule_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_request_events" ADD CONSTRAINT "transfer_request_events_decision_id_transfer_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."transfer_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_requester_token_id_api_tokens_id_fk" FOREIGN KEY ("requester_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_recipient_id_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_rule_evaluations" ADD CONSTRAINT "transfer_rule_evaluations_request_id_transfer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."transfer_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_outbox_unsent" ON "email_outbox" USING btree ("created_at") WHERE "email_outbox"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_user" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_role" ON "notifications" USING btree ("role","created_at");--> statement-breakpoint
CREATE INDEX "transfer_decisions_request" ON "transfer_decisions" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_decisions_one_approval" ON "transfer_decisions" USING btree ("request_id") WHERE "transfer_decisions"."outcome" = 'approved';--> statement-breakpoint
CREATE INDEX "transfer_request_events_request" ON "transfer_request_events" USING btree ("request_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_requests_number" ON "transfer_requests" USING btree ("number");--> statement-breakpoint
CREATE INDEX "transfer_requests_status" ON "transfer_requests" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "transfer_requests_requester" ON "transfer_requests" USING btree ("requester_user_id");--> statement-breakpoint
CREATE INDEX "transfer_requests_recipient" ON "transfer_requests" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "transfer_rule_evaluations_request" ON "transfer_rule_evaluations" USING btree ("request_id","created_at");