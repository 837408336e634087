/**
 * A writer process for the crash test (transfer-log-crash.test.ts): appends batches to the log
 * of the database in DATABASE_URL and prints each acknowledged batch's idempotency keys after
 * its commit, until it is killed.
 */
(async () => {
  const { appendTransfers } = await import("./transfer-log");
  const prefix = process.argv[2] ?? "crash";
  for (let b = 0; ; b++) {
    const events = Array.from({ length: 200 }, (_, i) => ({
      occurredAt: "2026-11-20T08:15:00.000Z",
      recipientId: "8d1b5a52-5b7e-4f4e-9d3a-2f5c8c1f0a11",
      recipientVersion: 1,
      approvalId: null,
      purposeCodes: ["C3"],
      dataItems: ["financial: balance"],
      recordCount: 1,
      subjectPopulations: ["kz-subjects"],
      sendingSystem: "crash-test",
      destinationCountry: "KZ",
      idempotencyKey: `${prefix}-${b}-${i}`,
      externalReference: null,
      flags: [],
    }));
    await appendTransfers(events);
    process.stdout.write(`ACK ${b}\n`);
  }
})();
