import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { PEER_ADDRESS_HEADER } from "@/lib/net/client-address";

const HOOK = Symbol.for("qplus.peerAddressHook");

/**
 * Next.js does not hand route code the socket, and it keeps a client's own X-Forwarded-For
 * (it only fills the header in when absent), so the TCP peer's address would be lost. Node
 * announces every request on this diagnostics channel before the server sees it: we copy the
 * peer's address into a header of our own there, overwriting any value a client sent under it.
 */
export function installPeerAddressHook() {
  const g = globalThis as { [HOOK]?: boolean };
  if (g[HOOK]) return;
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "unknown";
  });
  g[HOOK] = true;
}

export function peerAddressHookInstalled(): boolean {
  return (globalThis as { [HOOK]?: boolean })[HOOK] === true;
}
