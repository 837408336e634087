import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../test-db";
import { seedPolicyFacts } from "../seed";
import { subjectRequestEvents, subjectRequests, users } from "../schema";
import {
  cancelSubjectRequest,
  closeSubjectRequest,
  deletionActFacts,
  extendSubjectRequest,
  getSubjectRequest,
  getSubjectRequestTimeline,
  listSubjectRequests,
  previewSubjectAnswer,
  recordSubjectRequest,
  startSubjectRequest,
  subjectRequestCounts,
} from "./subject-requests";
import { createCalendarDay } from "./calendars";
import { createDeletionAct, listDeletionActs } from "./deletion-acts";
import { deletionActInput, deletionActListQuery } from "@/lib/validation/deletion-act";
import { recordSubjectRequestInput, type RecordSubjectRequestInput } from "@/lib/validation/subject-request";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import { serviceEndsSentence } from "@/lib/subject-requests/templates";
import { businessDate } from "@/lib/transfers/constants";

let t: TestDb;
let dpo: { id: string; email: string };
const TODAY = businessDate();

const input = (over: Partial<Record<keyof RecordSubjectRequestInput, unknown>> = {}): RecordSubjectRequestInput =>
  recordSubjectRequestInput.parse({
    subjectIdKind: "wallet",
    subjectId: "77010000001",
    contactAddress: "client@example.com",
    law: "RU",
    channel: "email",
    right: "information",
    purposeCodes: ["C3", "C12"],
    answerLocale: "ru",
    receivedOn: "2026-05-08",
    ...over,
  });

beforeAll(async () => {
  t = await createTestDb();
  await seedPolicyFacts(t.db);
  const [u] = await t.db.insert(users).values({ email: "dpo@test.local", name: "DPO", role: "dpo", passwordHash: "x" }).returning();
  dpo = { id: u.id, email: u.email };
}, 120_000);
afterAll(async () => t?.close());

describe("recording a request", () => {
  it("counts a Russian citizen's access request of Friday 8 May 2026 on Russia's calendar in the database: due Monday 25 May", async () => {
    const created = await recordSubjectRequest(input(), dpo, new Date(), t.db);
    expect(created).toMatchObject({ dueOn: "2026-05-25", calendarWarning: null });
    const row = await getSubjectRequest(created.id, "2026-05-22", t.db);
    expect(row).toMatchObject({ status: "received", law: "RU", lawRight: "access", dueOn: "2026-05-25", open: true });
    expect(row!.left).toEqual({ urgency: "due-soon", calendarDays: 3, workingDays: 1 });
    expect(row!.deadline).toMatchObject({ ruleId: "C2", source: "RU-152 art. 20", extendable: true });
    const [recorded] = await getSubjectRequestTimeline(created.id, t.db);
    expect(recorded).toMatchObject({ action: "recorded", toStatus: "received", actorLabel: dpo.email, detail: { dueOn: "2026-05-25", ruleId: "C2" } });
  });

  it("a Kazakh request on a Friday before a holiday is counted on Kazakhstan's calendar, and a day the DPO adds moves it", async () => {
    // Friday 12 Dec 2025; Independence Day, Tue 16 Dec, is off: 15, 17, 18 Dec.
    const kz = await recordSubjectRequest(input({ law: "KZ", receivedOn: "2025-12-12" }), dpo, new Date(), t.db);
    expect(kz.dueOn).toBe("2025-12-18");
    await createCalendarDay({ countryCode: "KZ", date: "2025-12-15", kind: "transfer", name: "test day off", source: "test" }, dpo, "test", t.db);
    expect((await recordSubjectRequest(input({ law: "KZ", receivedOn: "2025-12-12" }), dpo, new Date(), t.db)).dueOn).toBe("2025-12-19");
  });

  it("refuses purposes that are not in the register, and bad input at the field", async () => {
    await expect(recordSubjectRequest(input({ purposeCodes: ["C99"] }), dpo, new Date(), t.db)).rejects.toMatchObject({ fieldErrors: { purposeCodes: "unknownPurpose" } });
    const bad = recordSubjectRequestInput.safeParse({ subjectIdKind: "wallet", subjectId: "abc", law: "RU", channel: "email", right: "deletion", purposeCodes: [], answerLocale: "ru", receivedOn: "2999-01-01" });
    expect(bad.success).toBe(false);
    const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toMatchObject({ purposeCodes: "atLeastOnePurpose" });
    const bad2 = recordSubjectRequestInput.safeParse({ subjectIdKind: "wallet", subjectId: "abc", law: "RU", channel: "email", right: "deletion", purposeCodes: ["C3"], answerLocale: "ru", receivedOn: "2999-01-01" });
    const fields2 = Object.fromEntries(bad2.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields2).toEqual({ subjectId: "walletFormat", contactAddress: "contactEmail", deletionGround: "deletionGroundRequired", receivedOn: "receivedInFuture" });
  });
});

describe("the workflow", () => {
  it("received → in progress; an RU access request extends once, before its deadline, with a notice", async () => {
    const { id, version } = await recordSubjectRequest(input({ receivedOn: TODAY }), dpo, new Date(), t.db);
    const started = await startSubjectRequest(id, version, dpo, new Date(), t.db);
    await expect(startSubjectRequest(id, version, dpo, new Date(), t.db)).rejects.toBeInstanceOf(ConflictError);
    const before = (await getSubjectRequest(id, TODAY, t.db))!;
    const extended = await extendSubjectRequest(id, started.version, "We need the archive of operations.", dpo, TODAY, new Date(), t.db);
    expect(extended.dueOn > before.dueOn).toBe(true);
    const after = (await getSubjectRequest(id, TODAY, t.db))!;
    expect(after).toMatchObject({ status: "in-progress", dueOn: extended.dueOn, extensionNotice: "We need the archive of operations." });
    expect(after.deadline.dueOn).toBe(extended.dueOn);
    await expect(extendSubjectRequest(id, extended.version, "Once more, please.", dpo, TODAY, new Date(), t.db)).rejects.toMatchObject({ fieldErrors: { notice: "alreadyExtended" } });
    const timeline = await getSubjectRequestTimeline(id, t.db);
    expect(timeline.map((e) => e.action)).toEqual(["recorded", "started", "extended"]);
    expect(timeline[2]).toMatchObject({ fromStatus: "in-progress", toStatus: "in-progress", reason: "We need the archive of operations.", detail: { fromDueOn: before.dueOn, dueOn: extended.dueOn } });
  });

  it("refuses to extend a Kazakh request or one past its deadline", async () => {
    const kz = await recordSubjectRequest(input({ law: "KZ", receivedOn: TODAY }), dpo, new Date(), t.db);
    await expect(extendSubjectRequest(kz.id, kz.version, "We need more time.", dpo, TODAY, new Date(), t.db)).rejects.toMatchObject({ fieldErrors: { notice: "notExtendable" } });
    const late = await recordSubjectRequest(input({ receivedOn: "2026-05-08" }), dpo, new Date(), t.db);
    await expect(extendSubjectRequest(late.id, late.version, "We need more time.", dpo, "2026-05-26", new Date(), t.db)).rejects.toMatchObject({ fieldErrors: { notice: "extensionTooLate" } });
  });

  it("answers an information request from the template, with recipients and the cross-border transfer to Russia", async () => {
    const { id, version } = await recordSubjectRequest(input({ receivedOn: TODAY }), dpo, new Date(), t.db);
    const { version: v2 } = await startSubjectRequest(id, version, dpo, new Date(), t.db);
    for (const [lang, words] of [
      ["ru", ["QIWI", "Россия", "Трансграничная передача", "Роскомнадзор"]],
      ["kk", ["QIWI", "Ресей", "трансшекаралық", "Роскомнадзор"]],
      ["en", ["QIWI JSC", "Russia", "Cross-border transfer", "Roskomnadzor"]],
    ] as const) {
      const preview = await previewSubjectAnswer({ id, outcome: "granted", reason: null, legalGroundCode: null, retentionTriggerOn: null, answerLanguage: lang }, TODAY, t.db);
      for (const w of words) expect(preview.text, `${lang}: ${w}`).toContain(w);
      expect(preview.text).toContain("C12");
    }
    const preview = await previewSubjectAnswer({ id, outcome: "granted", reason: null, legalGroundCode: null, retentionTriggerOn: null, answerLanguage: "ru" }, TODAY, t.db);
    await closeSubjectRequest({ id, expectedVersion: v2, outcome: "granted", reason: null, legalGroundCode: null, retentionTriggerOn: null, answerLanguage: "ru", serviceEndsAcknowledged: false, answerSubject: preview.subject, answerText: preview.text }, dpo, TODAY, new Date(), t.db);
    const row = (await getSubjectRequest(id, TODAY, t.db))!;
    expect(row).toMatchObject({ status: "answered", outcome: "granted", answerLanguage: "ru", answerText: preview.text, closedByEmail: dpo.email, open: false });
    expect(await deletionActFacts(id, t.db)).toBeNull();
  });

  it("a deletion that AML retention blocks closes only as a reasoned refusal on the retention law", async () => {
    const { id, version } = await recordSubjectRequest(input({ right: "deletion", deletionGround: "consent-withdrawn", purposeCodes: ["C3"], receivedOn: TODAY }), dpo, new Date(), t.db);
    const { version: v2 } = await startSubjectRequest(id, version, dpo, new Date(), t.db);
    const close = (over: Record<string, unknown>) =>
      closeSubjectRequest({ id, expectedVersion: v2, outcome: "granted", reason: null, legalGroundCode: null, retentionTriggerOn: null, answerLanguage: "en", serviceEndsAcknowledged: false, answerSubject: "Your request", answerText: "Your data has been destroyed as you asked.", ...over } as never, dpo, TODAY, new Date(), t.db);
    await expect(close({})).rejects.toMatchObject({ fieldErrors: { outcome: "retentionApplies" } });
    await expect(close({ outcome: "refused", reason: "AML" })).rejects.toMatchObject({ fieldErrors: { reason: "reasonedDecisionRequired", legalGroundCode: "legalGroundRequired" } });
    await expect(close({ outcome: "refused", reason: "The AML law keeps operations.", legalGroundCode: "CC-178-1" })).rejects.toMatchObject({ fieldErrors: { legalGroundCode: "groundNotRetentionLaw" } });
    await expect(close({ outcome: "refused", reason: "The AML law keeps operations.", legalGroundCode: "NOPE" })).rejects.toBeInstanceOf(InvalidInputError);
    // Nothing was written by the refused attempts.
    expect((await getSubjectRequestTimeline(id, t.db)).map((e) => e.action)).toEqual(["recorded", "started"]);
    const preview = await previewSubjectAnswer({ id, outcome: "refused", reason: "The AML law keeps operations for 5 years after the contract ends.", legalGroundCode: "AML-11-4", retentionTriggerOn: null, answerLanguage: "en" }, TODAY, t.db);
    expect(preview.text).toContain("AML/CFT law No. 191-IV");
    await close({ outcome: "refused", reason: "The AML law keeps operations for 5 years after the contract ends.", legalGroundCode: "AML-11-4", answerText: preview.text });
    const row = (await getSubjectRequest(id, TODAY, t.db))!;
    expect(row).toMatchObject({ status: "refused", outcome: "refused", legalGroundCode: "AML-11-4", grantedPurposeCodes: [], retainedPurposes: [{ code: "C3", lawCodes: ["AML-11-4"], retainedUntil: null }] });
    expect(await deletionActFacts(id, t.db)).toBeNull();
    const last = (await getSubjectRequestTimeline(id, t.db)).at(-1)!;
    expect(last).toMatchObject({ action: "refused", fromStatus: "in-progress", toStatus: "refused", reason: "The AML law keeps operations for 5 years after the contract ends.", detail: { legalGroundCode: "AML-11-4" } });
  });

  it("completes a deletion whose retention has run out, and gives a deletion act its facts", async () => {
    const { id, version } = await recordSubjectRequest(input({ right: "deletion", deletionGround: "period-expired", purposeCodes: ["C7"], subjectIdKind: "login", subjectId: "+77011234567", receivedOn: TODAY }), dpo, new Date(), t.db);
    const { version: v2 } = await startSubjectRequest(id, version, dpo, new Date(), t.db);
    const preview = await previewSubjectAnswer({ id, outcome: "granted", reason: null, legalGroundCode: null, retentionTriggerOn: "2022-01-10", answerLanguage: "kk" }, TODAY, t.db);
    expect(preview.retention).toEqual([{ code: "C7", lawCodes: ["CC-178-1"], retainedUntil: "2025-01-09", applies: false }]);
    await closeSubjectRequest({ id, expectedVersion: v2, outcome: "granted", reason: null, legalGroundCode: null, retentionTriggerOn: "2022-01-10", answerLanguage: "kk", serviceEndsAcknowledged: false, answerSubject: preview.subject, answerText: preview.text }, dpo, TODAY, new Date(), t.db);
    const act = await deletionActFacts(id, t.db);
    expect(act).toMatchObject({ subject: { idKind: "login", id: "+77011234567" }, purposeCodes: ["C7"], dataItems: ["contact: email"], outcome: "granted", completedBy: { userId: dpo.id, email: dpo.email } });

    // The act made for it must name the request's subject.
    const [engineer] = await t.db.insert(users).values({ email: "engineer@test.local", name: "Engineer", role: "engineer", passwordHash: "x" }).returning();
    const actInput = (subjectValue: string) =>
      deletionActInput.parse({
        subjectRequestId: id,
        actDate: TODAY,
        deletedOn: TODAY,
        subjectKind: "login",
        subjectValue,
        purposeCodes: act!.purposeCodes,
        dataItems: act!.dataItems,
        systems: "crm-marketing",
        reason: "subject-request",
        legalReferenceCodes: [],
        legalGround: "RU-152 art. 21",
        method: "erasure",
        language: "ru",
        executorUserId: engineer.id,
      });
    const actor = { ...dpo, name: "DPO", role: "dpo" as const };
    await expect(createDeletionAct(actInput("+77010000000"), actor, t.db)).rejects.toMatchObject({ fieldErrors: { subjectValue: "subjectDiffersFromRequest" } });
    const made = await createDeletionAct(actInput("+77011234567"), actor, t.db);
    expect((await listDeletionActs(deletionActListQuery.parse({ request: id }), t.db)).map((a) => a.number)).toEqual([made.number]);
  });

  it("withdrawing consent to essential processing needs the service-ends statement in the answer", async () => {
    const { id, version } = await recordSubjectRequest(input({ right: "consent-withdrawal", purposeCodes: ["C9"], receivedOn: TODAY }), dpo, new Date(), t.db);
    const { version: v2 } = await startSubjectRequest(id, version, dpo, new Date(), t.db);
    const decision = { id, expectedVersion: v2, outcome: "partial" as const, reason: "The AML law keeps the client file.", legalGroundCode: "AML-11-4", retentionTriggerOn: null, answerLanguage: "ru" as const, answerSubject: "Ответ" };
    await expect(closeSubjectRequest({ ...decision, serviceEndsAcknowledged: false, answerText: "Обработка прекращена, данные хранятся по закону." }, dpo, TODAY, new Date(), t.db)).rejects.toMatchObject({
      fieldErrors: { serviceEndsAcknowledged: "serviceEndsRequired", answerText: "serviceEndsStatementMissing" },
    });
    const preview = await previewSubjectAnswer(decision, TODAY, t.db);
    expect(preview.serviceEnds).toBe(true);
    expect(preview.text).toContain(serviceEndsSentence("ru"));
    await closeSubjectRequest({ ...decision, serviceEndsAcknowledged: true, answerText: preview.text }, dpo, TODAY, new Date(), t.db);
    expect((await getSubjectRequest(id, TODAY, t.db))!).toMatchObject({ status: "answered", outcome: "partial", serviceEndsAcknowledged: true });
  });

  it("a withdrawn request is kept, closed as cancelled with its reason; nothing is ever deleted", async () => {
    const { id, version } = await recordSubjectRequest(input({ receivedOn: TODAY }), dpo, new Date(), t.db);
    await cancelSubjectRequest(id, version, "The client phoned to withdraw it.", dpo, new Date(), t.db);
    expect((await getSubjectRequest(id, TODAY, t.db))!.status).toBe("cancelled");
    await expect(t.db.delete(subjectRequests).where(eq(subjectRequests.id, id))).rejects.toThrow();
    await expect(t.db.delete(subjectRequestEvents).where(eq(subjectRequestEvents.requestId, id))).rejects.toThrow();
    await expect(t.db.update(subjectRequestEvents).set({ reason: "rewritten" }).where(eq(subjectRequestEvents.requestId, id))).rejects.toThrow();
    await expect(t.db.execute(sql`truncate subject_request_events`)).rejects.toThrow();
  });
});

describe("the queue and the dashboard", () => {
  it("lists open requests nearest deadline first, and counts overdue and due today", async () => {
    const day = "2026-05-25";
    const open = await listSubjectRequests({}, day, t.db);
    const dues = open.rows.map((r) => r.dueOn);
    expect(dues).toEqual([...dues].sort());
    expect(open.rows.every((r) => r.status === "received" || r.status === "in-progress")).toBe(true);
    const dueToday = await listSubjectRequests({ status: "due-today" }, day, t.db);
    expect(dueToday.rows.length).toBeGreaterThan(0);
    expect(dueToday.rows.every((r) => r.dueOn === day && r.left?.urgency === "due-today")).toBe(true);
    const counts = await subjectRequestCounts(day, t.db);
    expect(counts.dueToday).toBe(dueToday.total);
    expect(counts.open).toBe(open.total);
    expect(counts.overdue).toBe((await listSubjectRequests({ status: "overdue" }, day, t.db)).total);
    expect((await listSubjectRequests({ status: "all", q: "+77011234567" }, day, t.db)).rows.map((r) => r.subjectId)).toEqual(["+77011234567"]);
    expect((await listSubjectRequests({ status: "refused" }, day, t.db)).rows.every((r) => r.status === "refused" && r.left === null)).toBe(true);
    const byNumber = await listSubjectRequests({ status: "all", sort: "number", dir: "asc" }, day, t.db);
    expect(byNumber.rows.map((r) => r.number)).toEqual([...byNumber.rows.map((r) => r.number)].sort((a, b) => a - b));
  });
});
