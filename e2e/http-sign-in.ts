import http from "node:http";

/**
 * Sign-in over plain HTTP from a chosen loopback source address (127.0.0.0/8 is all this
 * machine's): the portal sees each as a different client at the socket, which is what its
 * throttling counts by, so a test can lock an address without locking the browser's 127.0.0.1.
 */
type Answer = { status: number; location: string | null; setCookies: string[]; body: string };

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; localAddress: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers, localAddress: options.localAddress }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: (res.headers.location as string | undefined) ?? null, setCookies: res.headers["set-cookie"] ?? [], body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

export async function signInOverHttp(baseURL: string, email: string, password: string, from: { localAddress: string; headers?: Record<string, string> }) {
  const csrf = await send(`${baseURL}/api/auth/csrf`, { localAddress: from.localAddress, headers: from.headers });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookies = csrf.setCookies.map((c) => c.split(";")[0]);
  const res = await send(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    localAddress: from.localAddress,
    headers: { ...from.headers, "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }).toString(),
  });
  const session = res.setCookies.map((c) => c.split(";")[0]).find((c) => c.includes("session-token")) ?? null;
  return { status: res.status, location: res.location, session };
}
