import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfig } from "./config";
import { attemptSignIn } from "@/db/queries/sign-in";
import { clientAddress } from "@/lib/server/client-address";

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(200) });

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
        // Every failure, locked or not, is the same null here (one answer to the client, one
        // `code=credentials`); why is in sign_in_attempts.outcome.
        const { user } = await attemptSignIn(email, password, await clientAddress());
        return user ? { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale } : null;
      },
    }),
  ],
});
