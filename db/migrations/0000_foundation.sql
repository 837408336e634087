CREATE TABLE "sign_in_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"address" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid,
	"actor_email" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_versions" (
	"entity" text NOT NULL,
	"entity_key" text NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reason" text,
	"changed_by" uuid,
	"changed_by_email" text NOT NULL,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_versions_entity_entity_key_version_pk" PRIMARY KEY("entity","entity_key","version")
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"code" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"kz_adequate" boolean,
	"kz_adequacy_source" text,
	"rkn_adequate" boolean,
	"rkn_adequacy_source" text,
	"rkn_adequacy_as_of" date,
	"convention_108" boolean,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "country_calendar_days" (
	"country_code" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "country_calendar_days_country_code_date_pk" PRIMARY KEY("country_code","date")
);
--> statement-breakpoint
CREATE TABLE "data_categories" (
	"key" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_kk" text,
	"name_ru" text,
	"position" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_items" (
	"key" text PRIMARY KEY NOT NULL,
	"category_key" text NOT NULL,
	"name_en" text NOT NULL,
	"name_kk" text,
	"name_ru" text,
	"direct_identifier" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_references" (
	"code" text PRIMARY KEY NOT NULL,
	"title_en" text NOT NULL,
	"title_kk" text,
	"title_ru" text,
	"years" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processing_actions" (
	"key" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"position" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processing_purposes" (
	"code" text PRIMARY KEY NOT NULL,
	"subject_category" text NOT NULL,
	"name_en" text NOT NULL,
	"name_kk" text,
	"name_ru" text,
	"legal_bases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"channels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"retention_years" integer,
	"retention_from" text,
	"retention_law_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deletion_event" text,
	"deletion_delay_years" integer,
	"is_research" boolean DEFAULT false NOT NULL,
	"security_measures" text,
	"responsible_person" text,
	"source_note" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purpose_data_items" (
	"purpose_code" text NOT NULL,
	"item_key" text NOT NULL,
	CONSTRAINT "purpose_data_items_purpose_code_item_key_pk" PRIMARY KEY("purpose_code","item_key")
);
--> statement-breakpoint
CREATE TABLE "subject_categories" (
	"key" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_kk" text,
	"name_ru" text,
	"has_contract" boolean NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recipient_purposes" (
	"recipient_id" uuid NOT NULL,
	"purpose_code" text NOT NULL,
	CONSTRAINT "recipient_purposes_recipient_id_purpose_code_pk" PRIMARY KEY("recipient_id","purpose_code")
);
--> statement-breakpoint
CREATE TABLE "recipient_versions" (
	"recipient_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"change" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reason" text,
	"changed_by" uuid,
	"changed_by_email" text NOT NULL,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recipient_versions_recipient_id_version_pk" PRIMARY KEY("recipient_id","version")
);
--> statement-breakpoint
CREATE TABLE "recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"name_en" text NOT NULL,
	"name_kk" text,
	"name_ru" text,
	"legal_form" text,
	"registration_number" text,
	"country_code" text NOT NULL,
	"address" text,
	"email" text,
	"phone" text,
	"role" text NOT NULL,
	"transfer_purposes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"transfer_purposes_kk" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"transfer_purposes_ru" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"basis" text NOT NULL,
	"contract_number" text,
	"contract_date" date,
	"contract_expires_on" date,
	"instruction_actions" boolean DEFAULT false NOT NULL,
	"instruction_purposes" boolean DEFAULT false NOT NULL,
	"instruction_confidentiality" boolean DEFAULT false NOT NULL,
	"instruction_security" boolean DEFAULT false NOT NULL,
	"instruction_incident_reporting" boolean DEFAULT false NOT NULL,
	"permitted_actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cross_border" boolean NOT NULL,
	"transfer_ground" text,
	"rkn_notification_number" text,
	"rkn_notification_date" date,
	"notes" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "recipients_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"scopes" jsonb NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	"revoked_reason" text,
	"created_by" uuid,
	"created_by_email" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp (3) with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "log_access_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor_label" text NOT NULL,
	"actor_user_id" uuid,
	"principal_kind" text NOT NULL,
	"role" text,
	"action" text NOT NULL,
	"detail" jsonb NOT NULL,
	"address" text
);
--> statement-breakpoint
CREATE TABLE "log_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tree_size" bigint NOT NULL,
	"root_hash" text NOT NULL,
	"key_id" text NOT NULL,
	"note" text NOT NULL,
	"issued_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "log_signing_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"public_key" text NOT NULL,
	"private_seed_encrypted" text NOT NULL,
	"valid_from" timestamp (3) with time zone NOT NULL,
	"valid_until" timestamp (3) with time zone,
	"created_by_email" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfer_log_entries" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"logged_at" timestamp (3) with time zone NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"recipient_id" uuid NOT NULL,
	"recipient_version" integer NOT NULL,
	"approval_id" uuid,
	"purpose_codes" jsonb NOT NULL,
	"data_items" jsonb NOT NULL,
	"record_count" integer NOT NULL,
	"subject_populations" jsonb NOT NULL,
	"sending_system" text NOT NULL,
	"destination_country" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"external_reference" text,
	"flags" jsonb NOT NULL,
	"leaf_hash" "bytea" NOT NULL,
	CONSTRAINT "transfer_log_entries_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "transfer_log_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"frontier" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "catalogue_versions" ADD CONSTRAINT "catalogue_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "country_calendar_days" ADD CONSTRAINT "country_calendar_days_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_items" ADD CONSTRAINT "data_items_category_key_data_categories_key_fk" FOREIGN KEY ("category_key") REFERENCES "public"."data_categories"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processing_purposes" ADD CONSTRAINT "processing_purposes_subject_category_subject_categories_key_fk" FOREIGN KEY ("subject_category") REFERENCES "public"."subject_categories"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purpose_data_items" ADD CONSTRAINT "purpose_data_items_purpose_code_processing_purposes_code_fk" FOREIGN KEY ("purpose_code") REFERENCES "public"."processing_purposes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purpose_data_items" ADD CONSTRAINT "purpose_data_items_item_key_data_items_key_fk" FOREIGN KEY ("item_key") REFERENCES "public"."data_items"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipient_purposes" ADD CONSTRAINT "recipient_purposes_recipient_id_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipient_purposes" ADD CONSTRAINT "recipient_purposes_purpose_code_processing_purposes_code_fk" FOREIGN KEY ("purpose_code") REFERENCES "public"."processing_purposes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipient_versions" ADD CONSTRAINT "recipient_versions_recipient_id_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipient_versions" ADD CONSTRAINT "recipient_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipients" ADD CONSTRAINT "recipients_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipients" ADD CONSTRAINT "recipients_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "policy_publications" ADD CONSTRAINT "policy_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_at" ON "sign_in_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_address_at" ON "sign_in_attempts" USING btree ("address","at");--> statement-breakpoint
CREATE INDEX "audit_events_entity" ON "audit_events" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "data_items_category" ON "data_items" USING btree ("category_key");--> statement-breakpoint
CREATE INDEX "recipients_status" ON "recipients" USING btree ("status");--> statement-breakpoint
CREATE INDEX "recipients_country" ON "recipients" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "api_tokens_user" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "log_access_events_at" ON "log_access_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "log_access_events_actor" ON "log_access_events" USING btree ("actor_label","at");--> statement-breakpoint
CREATE INDEX "log_checkpoints_size" ON "log_checkpoints" USING btree ("tree_size");--> statement-breakpoint
CREATE INDEX "transfer_log_recipient_seq" ON "transfer_log_entries" USING btree ("recipient_id","seq");--> statement-breakpoint
CREATE INDEX "transfer_log_occurred" ON "transfer_log_entries" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "transfer_log_system_seq" ON "transfer_log_entries" USING btree ("sending_system","seq");--> statement-breakpoint
CREATE INDEX "transfer_log_country_seq" ON "transfer_log_entries" USING btree ("destination_country","seq");--> statement-breakpoint
CREATE INDEX "transfer_log_approval" ON "transfer_log_entries" USING btree ("approval_id");--> statement-breakpoint
CREATE INDEX "transfer_log_flagged_seq" ON "transfer_log_entries" USING btree ("seq") WHERE jsonb_array_length("transfer_log_entries"."flags") > 0;--> statement-breakpoint
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
CREATE INDEX "transfer_rule_evaluations_request" ON "transfer_rule_evaluations" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "policy_publications_published_on" ON "policy_publications" USING btree ("published_on");