import type { DefaultSession } from "next-auth";
import type { Role } from "./permissions";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; locale: string | null } & DefaultSession["user"];
  }
}

// Augmenting "next-auth/jwt" does not type the token fields in v5; @auth/core/jwt does.
declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    locale?: string | null;
  }
}
