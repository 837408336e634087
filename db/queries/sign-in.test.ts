import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "../test-db";
import { attemptSignIn, SIGN_IN_THROTTLE } from "./sign-in";
import { createUser } from "./users";
import { signInAttempts } from "../schema";

let t: TestDb;
const admin = { id: null, email: "root-admin@qplus.local" };
const PASSWORD = "the right password";

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const person = async (email: string) => createUser({ email, name: email, role: "engineer", password: PASSWORD }, admin, t.db);
const outcomes = async (email: string) => (await t.db.select({ outcome: signInAttempts.outcome }).from(signInAttempts).where(eq(signInAttempts.email, email))).map((r) => r.outcome);
let n = 0;
const freshAddress = () => `198.51.100.${++n}`;

describe("sign-in throttling", () => {
  it(`locks an account after ${SIGN_IN_THROTTLE.maxFailures} failures from any addresses, even for the right password, until the window ends`, async () => {
    const email = "target@qplus.local";
    await person(email);
    for (let i = 0; i < SIGN_IN_THROTTLE.maxFailures; i++) expect((await attemptSignIn(email, `wrong-${i}`, freshAddress(), new Date(), t.db)).outcome).toBe("credentials");
    const locked = await attemptSignIn(email, PASSWORD, freshAddress(), new Date(), t.db);
    expect(locked).toEqual({ user: null, outcome: "lockedAccount" });
    // Another account from the same kind of address is not affected.
    await person("bystander@qplus.local");
    expect((await attemptSignIn("bystander@qplus.local", PASSWORD, freshAddress(), new Date(), t.db)).outcome).toBe("succeeded");
    const later = new Date(Date.now() + (SIGN_IN_THROTTLE.windowMinutes + 1) * 60_000);
    expect((await attemptSignIn(email, PASSWORD, freshAddress(), later, t.db)).user).toMatchObject({ email });
    expect(await outcomes(email)).toEqual([...Array(SIGN_IN_THROTTLE.maxFailures).fill("credentials"), "lockedAccount", "succeeded"]);
  });

  it("an account's own success clears its failures", async () => {
    const email = "forgetful@qplus.local";
    await person(email);
    for (let i = 0; i < SIGN_IN_THROTTLE.maxFailures - 1; i++) await attemptSignIn(email, `wrong-${i}`, freshAddress(), new Date(), t.db);
    expect((await attemptSignIn(email, PASSWORD, freshAddress(), new Date(), t.db)).outcome).toBe("succeeded");
    for (let i = 0; i < SIGN_IN_THROTTLE.maxFailures - 1; i++) await attemptSignIn(email, `wrong-${i}`, freshAddress(), new Date(), t.db);
    expect((await attemptSignIn(email, PASSWORD, freshAddress(), new Date(), t.db)).outcome).toBe("succeeded");
  });

  it(`locks an address after ${SIGN_IN_THROTTLE.maxAddressFailures} failures over any accounts; a success on the attacker's own account does not reset it`, async () => {
    const address = freshAddress();
    await person("attacker@qplus.local");
    await person("victim@qplus.local");
    for (let i = 0; i < SIGN_IN_THROTTLE.maxAddressFailures - 1; i++) await attemptSignIn(`guess${i}@qplus.local`, "guess", address, new Date(), t.db);
    // The attacker signs in to their own account: that takes back only its own attempt's count.
    expect((await attemptSignIn("attacker@qplus.local", PASSWORD, address, new Date(), t.db)).outcome).toBe("succeeded");
    await attemptSignIn("one-more-guess@qplus.local", "guess", address, new Date(), t.db);
    expect((await attemptSignIn("victim@qplus.local", PASSWORD, address, new Date(), t.db)).outcome).toBe("lockedAddress");
    expect((await attemptSignIn("attacker@qplus.local", PASSWORD, address, new Date(), t.db)).outcome).toBe("lockedAddress");
    // From elsewhere the victim is not locked: the account itself had no failures.
    expect((await attemptSignIn("victim@qplus.local", PASSWORD, freshAddress(), new Date(), t.db)).outcome).toBe("succeeded");
  });

  it("15 concurrent attempts on one account: exactly the limit are evaluated (one atomic step on the database)", async () => {
    const email = "raced@qplus.local";
    await person(email);
    const results = await Promise.all(Array.from({ length: 15 }, (_, i) => attemptSignIn(email, `wrong-${i}`, freshAddress(), new Date(), t.db)));
    expect(results.filter((r) => r.outcome === "credentials")).toHaveLength(SIGN_IN_THROTTLE.maxFailures);
    expect(results.filter((r) => r.outcome === "lockedAccount")).toHaveLength(15 - SIGN_IN_THROTTLE.maxFailures);
    // Now locked for the right password too.
    expect((await attemptSignIn(email, PASSWORD, freshAddress(), new Date(), t.db)).outcome).toBe("lockedAccount");
  });

  it("16 concurrent attempts on an account one failure from its lock: exactly one is evaluated", async () => {
    const email = "almost-locked@qplus.local";
    await person(email);
    for (let i = 0; i < SIGN_IN_THROTTLE.maxFailures - 1; i++) await attemptSignIn(email, `wrong-${i}`, freshAddress(), new Date(), t.db);
    const results = await Promise.all(Array.from({ length: 16 }, () => attemptSignIn(email, "still wrong", freshAddress(), new Date(), t.db)));
    expect(results.filter((r) => r.outcome === "credentials")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "lockedAccount")).toHaveLength(15);
  });

  it(`concurrent attempts from one address over many accounts: at most ${SIGN_IN_THROTTLE.maxAddressFailures} are evaluated`, async () => {
    const address = freshAddress();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attemptSignIn(`spray${i}@qplus.local`, "guess", address, new Date(), t.db)));
    expect(results.filter((r) => r.outcome === "credentials")).toHaveLength(SIGN_IN_THROTTLE.maxAddressFailures);
    expect(results.filter((r) => r.outcome === "lockedAddress")).toHaveLength(30 - SIGN_IN_THROTTLE.maxAddressFailures);
  });
});
