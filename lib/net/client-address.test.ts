import { describe, expect, it } from "vitest";
import { clientAddressOf } from "./client-address";

describe("the client address", () => {
  it("with no trusted proxy is the socket's peer, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("203.0.113.7", "198.51.100.2", 0)).toBe("198.51.100.2");
    expect(clientAddressOf("1.1.1.1, 2.2.2.2", "198.51.100.2", 0)).toBe("198.51.100.2");
    expect(clientAddressOf(null, "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("with trusted proxies peels that many hops off the right, never more", () => {
    // One proxy (the peer) appended the address it got the request from; the entry left of it is the client's claim.
    expect(clientAddressOf("6.6.6.6, 203.0.113.7", "10.0.0.1", 1)).toBe("203.0.113.7");
    expect(clientAddressOf("6.6.6.6, 203.0.113.7, 10.0.0.2", "10.0.0.1", 2)).toBe("203.0.113.7");
    // A client that adds entries on the left does not change who it is.
    expect(clientAddressOf("9.9.9.9, 8.8.8.8, 203.0.113.7", "10.0.0.1", 1)).toBe("203.0.113.7");
  });

  it("with fewer entries than hops takes the furthest address known", () => {
    expect(clientAddressOf(null, "10.0.0.1", 1)).toBe("10.0.0.1");
    expect(clientAddressOf("203.0.113.7", "10.0.0.1", 3)).toBe("203.0.113.7");
  });

  it("without a peer says so rather than trusting a header", () => {
    expect(clientAddressOf("203.0.113.7", null, 0)).toBe("unknown");
  });
});
