/**
 * Who is on the other end of a request, for sign-in throttling and the access records.
 *
 * The chain of addresses is X-Forwarded-For's entries followed by the TCP peer (the socket).
 * Each proxy appends the address it received the request from, so only entries added by proxies
 * we run can be believed: with `trustedHops` proxies in front of the portal, the client is the
 * entry that many places left of the peer. Everything further left is whatever the client sent.
 * With 0 hops (the default) the client is the socket's peer and X-Forwarded-For is ignored.
 */
export function clientAddressOf(forwardedFor: string | null | undefined, peer: string | null | undefined, trustedHops: number): string {
  const forwarded = (forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer?.trim() || "unknown"];
  // Fewer entries than trusted hops: the request came from nearer than the proxies we expect, so
  // the furthest address there is is the best we know (never an entry from beyond the chain).
  const index = Math.max(0, chain.length - 1 - trustedHops);
  return normalizeAddress(chain[index]);
}

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) is the same client as "10.0.0.1". */
export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/**
 * The request header the server's own hook (lib/server/peer-address.ts) sets to the socket's peer
 * address, overwriting whatever a client sent under that name.
 */
export const PEER_ADDRESS_HEADER = "x-qplus-peer-address";
