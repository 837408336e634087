import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test-db";
import { createUser, isSignInThrottled, recordSignInAttempt, SIGN_IN_THROTTLE, updateUser, verifyCredentials, listUsers } from "./users";
import { InvalidInputError } from "@/lib/errors";
import { auditEvents } from "../schema";
import { eq } from "drizzle-orm";

let t: TestDb;
const admin = { id: null, email: "root-admin@qplus.local" };

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("accounts", () => {
  it("stores a bcrypt hash and verifies the password; the hash never leaves the module", async () => {
    await createUser({ email: "Aida@Qplus.Local", name: "Aida", role: "dpo", password: "correct horse battery" }, admin, t.db);
    expect(await verifyCredentials("aida@qplus.local", "wrong password!!", t.db)).toBeNull();
    const ok = await verifyCredentials("aida@qplus.local", "correct horse battery", t.db);
    expect(ok).toMatchObject({ email: "aida@qplus.local", role: "dpo" });
    expect(Object.keys(ok!)).not.toContain("passwordHash");
    expect(JSON.stringify(await listUsers(t.db))).not.toMatch(/\$2[aby]\$/);
  });

  it("refuses a duplicate email", async () => {
    await expect(createUser({ email: "aida@qplus.local", name: "Again", role: "dpo", password: "another long pass" }, admin, t.db)).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("records role changes with before/after, and keeps the last admin", async () => {
    const a = await createUser({ email: "only-admin@qplus.local", name: "Admin", role: "admin", password: "admin password 1" }, admin, t.db);
    await expect(updateUser(a.id, 1, { name: "Admin", role: "dpo", active: true }, admin, t.db)).rejects.toMatchObject({ fieldErrors: { role: "lastAdmin" } });
    const u = await createUser({ email: "eng@qplus.local", name: "Eng", role: "engineer", password: "engineer password" }, admin, t.db);
    await updateUser(u.id, 1, { name: "Eng", role: "auditor", active: true }, admin, t.db);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, u.id));
    const update = events.find((e) => e.action === "updated");
    expect(update).toMatchObject({ actorEmail: admin.email, before: expect.objectContaining({ role: "engineer" }), after: expect.objectContaining({ role: "auditor" }) });
  });

  it("an inactive account cannot sign in", async () => {
    const u = await createUser({ email: "leaver@qplus.local", name: "Leaver", role: "engineer", password: "leaver password" }, admin, t.db);
    await updateUser(u.id, 1, { name: "Leaver", role: "engineer", active: false }, admin, t.db);
    expect(await verifyCredentials("leaver@qplus.local", "leaver password", t.db)).toBeNull();
  });
});

describe("sign-in throttling", () => {
  it(`locks an account after ${SIGN_IN_THROTTLE.maxFailures} failures within ${SIGN_IN_THROTTLE.windowMinutes} minutes, then lets it go`, async () => {
    const email = "target@qplus.local";
    for (let i = 0; i < SIGN_IN_THROTTLE.maxFailures - 1; i++) await recordSignInAttempt(email, `10.0.0.${i}`, false, t.db);
    expect(await isSignInThrottled(email, "10.9.9.9", new Date(), t.db)).toBe(false);
    await recordSignInAttempt(email, "10.0.0.99", false, t.db);
    expect(await isSignInThrottled(email, "10.9.9.9", new Date(), t.db)).toBe(true);
    // Another account from a clean address is not affected.
    expect(await isSignInThrottled("someone-else@qplus.local", "10.9.9.9", new Date(), t.db)).toBe(false);
    const later = new Date(Date.now() + (SIGN_IN_THROTTLE.windowMinutes + 1) * 60_000);
    expect(await isSignInThrottled(email, "10.9.9.9", later, t.db)).toBe(false);
  });

  it("locks an address that tries many accounts", async () => {
    const address = "203.0.113.7";
    for (let i = 0; i < SIGN_IN_THROTTLE.maxFailures * 4; i++) await recordSignInAttempt(`guess${i}@qplus.local`, address, false, t.db);
    expect(await isSignInThrottled("fresh@qplus.local", address, new Date(), t.db)).toBe(true);
  });
});
