import "server-only";
import { headers } from "next/headers";
import { clientAddressOf, PEER_ADDRESS_HEADER } from "@/lib/net/client-address";
import { trustedProxyHops } from "@/lib/env";

/**
 * The calling client's address (lib/net/client-address.ts): the socket's peer, or with
 * TRUST_PROXY_HOPS that many proxies back along X-Forwarded-For. Used for sign-in throttling and
 * in the access records, so every place names the same client.
 */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return clientAddressOf(h.get("x-forwarded-for"), h.get(PEER_ADDRESS_HEADER), trustedProxyHops());
}

/** For records that must not fail because of it: null outside a request. */
export async function clientAddressOrNull(): Promise<string | null> {
  try {
    return await clientAddress();
  } catch {
    return null;
  }
}
