/** The log's identity in checkpoints and key names (C2SP "origin"); stable for the log's life. */
export const LOG_ORIGIN = process.env.LOG_ORIGIN || "qplus.kz/transfer-log";

/** How often a checkpoint is signed even when nothing was written (so silence is provable too). */
export const CHECKPOINT_INTERVAL_MS = Number(process.env.LOG_CHECKPOINT_INTERVAL_SECONDS ?? 300) * 1000;

/** At most this many events in one ingestion request. */
export const MAX_EVENTS_PER_BATCH = 1000;
