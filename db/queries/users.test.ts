import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test-db";
import { createUser, updateUser, verifyCredentials, listUsers } from "./users";
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
