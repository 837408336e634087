import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { z } from "zod";
import { authConfig } from "./config";
import { isSignInThrottled, recordSignInAttempt, verifyCredentials } from "@/db/queries/users";

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(200) });

/** A throttled sign-in: the page still shows the one generic message, the log says why. */
class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

export async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A failed sign-in is an expected event, recorded in sign_in_attempts; no stack trace for it.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const address = await clientAddress();
        if (await isSignInThrottled(email, address)) {
          await recordSignInAttempt(email, address, false);
          throw new ThrottledSignin();
        }
        const user = await verifyCredentials(email, password);
        await recordSignInAttempt(email, address, !!user);
        return user ? { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale } : null;
      },
    }),
  ],
});
