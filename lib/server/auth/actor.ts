import type { Actor } from "@/db/queries/actor";
import type { SessionUser } from "@/lib/auth/session-user";

export function actorOf(user: SessionUser): Actor {
  return { id: user.id, email: user.email };
}
