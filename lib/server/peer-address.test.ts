import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installPeerAddressHook } from "./peer-address";
import { clientAddressOf, PEER_ADDRESS_HEADER } from "@/lib/net/client-address";

let server: http.Server;
let port: number;

beforeAll(async () => {
  installPeerAddressHook();
  // A real HTTP server, answering with the address the portal would count the request under.
  server = http.createServer((req, res) => res.end(clientAddressOf(req.headers["x-forwarded-for"] as string | undefined, req.headers[PEER_ADDRESS_HEADER] as string | undefined, 0)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ask = (localAddress: string, headers: Record<string, string>) =>
  new Promise<string>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, localAddress, headers }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve(body));
      })
      .on("error", reject);
  });

describe("the peer address hook", () => {
  it("puts the socket's address in its header, overwriting what the client sent under that name", async () => {
    expect(await ask("127.0.0.41", {})).toBe("127.0.0.41");
    expect(await ask("127.0.0.42", { [PEER_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.7" })).toBe("127.0.0.42");
  });
});
