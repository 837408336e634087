import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, rowsOf, type Db } from "../client";
import { signInAttempts, signInCounters } from "../schema";
import { spendDummyCompare, verifyCredentials } from "./users";

/**
 * Throttling: this many failures within a window lock an account (from any address) or an
 * address (for any account). The window starts at its first failure and lasts windowMinutes.
 */
export const SIGN_IN_THROTTLE = { maxFailures: 5, maxAddressFailures: 20, windowMinutes: 15 } as const;

export type SignInOutcome = "succeeded" | "credentials" | "lockedAccount" | "lockedAddress";

/**
 * Counts one more attempt against a counter and says whether it may be evaluated — in one
 * statement, so that of any number of concurrent attempts at most `limit` get through
 * (a separate "read the count, then record" lets them all read the same count first).
 */
async function admit(scope: "account" | "address", key: string, limit: number, now: Date, db: Db): Promise<boolean> {
  const windowStart = new Date(now.getTime() - SIGN_IN_THROTTLE.windowMinutes * 60_000);
  const rows = rowsOf<{ failures: number }>(
    await db.execute(sql`
      insert into sign_in_counters as c (scope, key, failures, window_started_at)
      values (${scope}, ${key}, 1, ${now.toISOString()}::timestamptz)
      on conflict (scope, key) do update set
        failures = case when c.window_started_at <= ${windowStart.toISOString()}::timestamptz then 1 else c.failures + 1 end,
        window_started_at = case when c.window_started_at <= ${windowStart.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else c.window_started_at end
      returning failures`),
  );
  return rows[0].failures <= limit;
}

/**
 * One sign-in attempt: admitted by the address's counter, then the account's; only an admitted
 * attempt has its password checked. A success clears its account's failures and takes back its
 * own count at the address, never anyone else's: another account's success does not reset an
 * address. Every attempt is recorded with its outcome; the caller shows one answer for all failures.
 */
export async function attemptSignIn(email: string, password: string, address: string, now = new Date(), db: Db = getDb()) {
  const account = email.toLowerCase();
  let outcome: SignInOutcome;
  let user: Awaited<ReturnType<typeof verifyCredentials>> = null;
  if (!(await admit("address", address, SIGN_IN_THROTTLE.maxAddressFailures, now, db))) outcome = "lockedAddress";
  else if (!(await admit("account", account, SIGN_IN_THROTTLE.maxFailures, now, db))) outcome = "lockedAccount";
  else {
    user = await verifyCredentials(account, password, db);
    outcome = user ? "succeeded" : "credentials";
  }
  // A locked attempt takes as long as a checked one, so timing does not tell that it was locked.
  if (outcome === "lockedAddress" || outcome === "lockedAccount") await spendDummyCompare(password);
  await db.transaction(async (tx) => {
    if (outcome === "succeeded") {
      await tx.update(signInCounters).set({ failures: 0 }).where(and(eq(signInCounters.scope, "account"), eq(signInCounters.key, account)));
      await tx
        .update(signInCounters)
        .set({ failures: sql`greatest(${signInCounters.failures} - 1, 0)` })
        .where(and(eq(signInCounters.scope, "address"), eq(signInCounters.key, address)));
    }
    await tx.insert(signInAttempts).values({ email: account, address, succeeded: outcome === "succeeded", outcome, at: now });
  });
  return { user, outcome };
}
