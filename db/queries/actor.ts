/** Who is acting, passed explicitly into every write (queries never read the session). */
export type Actor = { id: string | null; email: string };

export const SYSTEM_ACTOR: Actor = { id: null, email: "system" };
