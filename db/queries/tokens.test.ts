import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test-db";
import { createApiToken, listApiTokens, resolveApiToken, revokeApiToken } from "./tokens";
import { createUser, updateUser } from "./users";
import { tokenPermissions } from "@/lib/auth/principal";

let t: TestDb;
const admin = { id: null, email: "admin@qplus.local" };
const inAYear = () => new Date(Date.now() + 365 * 86400_000);

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("API tokens", () => {
  it("shows the secret once and stores only its hash", async () => {
    const created = await createApiToken({ name: "payments-gateway", kind: "service", userId: null, scopes: ["register.read"], expiresAt: inAYear() }, admin, t.db);
    expect(created.token).toMatch(/^qpt_[A-Za-z0-9_-]{43}$/);
    const listed = await listApiTokens(t.db);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const resolved = await resolveApiToken(created.token, new Date(), t.db);
    expect(resolved).toMatchObject({ name: "payments-gateway", kind: "service", scopes: ["register.read"] });
  });

  it("refuses unknown, expired and revoked tokens", async () => {
    expect(await resolveApiToken("qpt_not-a-real-token", new Date(), t.db)).toBeNull();
    const soon = await createApiToken({ name: "short-lived", kind: "service", userId: null, scopes: ["register.read"], expiresAt: new Date(Date.now() + 1000) }, admin, t.db);
    expect(await resolveApiToken(soon.token, new Date(Date.now() + 2000), t.db)).toBeNull();
    const revoked = await createApiToken({ name: "leaked", kind: "service", userId: null, scopes: ["register.read"], expiresAt: inAYear() }, admin, t.db);
    await revokeApiToken(revoked.id, "found in a public repository", admin, t.db);
    expect(await resolveApiToken(revoked.token, new Date(), t.db)).toBeNull();
  });

  it("bounds a personal token by its owner's current role, and disables it with the owner", async () => {
    const owner = await createUser({ email: "tooling@qplus.local", name: "Tooling", role: "dpo", password: "a long password!" }, admin, t.db);
    const personal = await createApiToken({ name: "cli", kind: "personal", userId: owner.id, scopes: ["register.read", "register.write"], expiresAt: inAYear() }, admin, t.db);
    const asDpo = await resolveApiToken(personal.token, new Date(), t.db);
    expect(tokenPermissions(asDpo!)).toEqual(["register.read", "register.write"]);
    await updateUser(owner.id, 1, { name: "Tooling", role: "engineer", active: true }, admin, t.db);
    expect(tokenPermissions((await resolveApiToken(personal.token, new Date(), t.db))!)).toEqual(["register.read"]);
    await updateUser(owner.id, 2, { name: "Tooling", role: "engineer", active: false }, admin, t.db);
    expect(await resolveApiToken(personal.token, new Date(), t.db)).toBeNull();
  });
});
