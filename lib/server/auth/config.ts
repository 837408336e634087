import type { NextAuthConfig } from "next-auth";
import { isRole } from "@/lib/auth/permissions";

/**
 * The edge-safe half of the Auth.js config (no database imports): used by proxy.ts to read the
 * session. The Credentials provider and its database lookups live in lib/auth/index.ts.
 */
export const authConfig = {
  trustHost: true,
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id as string;
        token.role = (user as { role?: string }).role as never;
        token.locale = (user as { locale?: string | null }).locale ?? null;
      }
      return token;
    },
    session({ session, token }) {
      if (isRole(token.role)) {
        session.user.id = token.uid as string;
        session.user.role = token.role;
        session.user.locale = (token.locale as string | null) ?? null;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
