CREATE TABLE "transfer_log_daily" (
	"day" date NOT NULL,
	"recipient_id" uuid NOT NULL,
	"destination_country" text NOT NULL,
	"sending_system" text NOT NULL,
	"flagged" boolean NOT NULL,
	"transfers" bigint NOT NULL,
	"records" bigint NOT NULL,
	CONSTRAINT "transfer_log_daily_day_recipient_id_destination_country_sending_system_flagged_pk" PRIMARY KEY("day","recipient_id","destination_country","sending_system","flagged")
);
--> statement-breakpoint
-- Appends maintain the summary as the log writer, in the same transaction as the entries.
GRANT SELECT, INSERT, UPDATE ON "transfer_log_daily" TO qplus_log_writer;
--> statement-breakpoint
-- A log that already has entries gets its summary now (business days in Asia/Almaty).
INSERT INTO "transfer_log_daily" ("day", "recipient_id", "destination_country", "sending_system", "flagged", "transfers", "records")
SELECT ("occurred_at" AT TIME ZONE 'Asia/Almaty')::date, "recipient_id", "destination_country", "sending_system", jsonb_array_length("flags") > 0, count(*), sum("record_count")
FROM "transfer_log_entries" GROUP BY 1, 2, 3, 4, 5;
