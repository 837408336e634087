/**
 * Next.js calls register() once when a server starts, before it serves: the place to apply
 * migrations and seed in the serving process itself (PGlite allows one process per folder).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request: the socket's address is what sign-in throttling counts by.
  const { installPeerAddressHook } = await import("./lib/server/peer-address");
  installPeerAddressHook();
  if (process.env.QPLUS_SKIP_BOOTSTRAP === "1") return;
  const { bootstrapOrExit } = await import("./db/bootstrap");
  await bootstrapOrExit();
}
