/**
 * Next.js calls register() once when a server starts, before it serves: the place to apply
 * migrations and seed in the serving process itself (PGlite allows one process per folder).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.QPLUS_SKIP_BOOTSTRAP === "1") return;
  const { bootstrapOrExit } = await import("./db/bootstrap");
  await bootstrapOrExit();
}
