import { NextResponse, type NextRequest } from "next/server";
import { trustedProxyHops } from "@/lib/env";
import {
  API_CONTENT_SECURITY_POLICY,
  STRICT_TRANSPORT_SECURITY,
  isApiPath,
  newNonce,
  pageContentSecurityPolicy,
  servedOverHttps,
} from "@/lib/security-headers";

// Auth.js's session cookie, plain over http and with the __Secure- prefix over https.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * The paths that need a session cookie, exactly those the proxy's matcher used to select before it
 * also set headers: not sign-in, the API (it answers 401 problem+json itself), the public pages,
 * static files.
 */
const SIGN_IN_REQUIRED = /^\/(?!login|api|public|policy|_next|favicon.ico|.*\.(?:png|svg|ico|css|js)$).*$/;

function hasSessionCookie(req: NextRequest): boolean {
  return SESSION_COOKIES.some((name) => req.cookies.has(name) || req.cookies.getAll().some((c) => c.name.startsWith(`${name}.`)));
}

/**
 * Two jobs, on every request but Next's hashed assets:
 * 1. An early redirect only: visitors without a session cookie go to sign-in. It does not verify
 *    or refresh the session (a refresh here raced sign-out and re-set the deleted cookie); every
 *    page, server action and route handler verifies the session and checks its permission itself.
 * 2. The Content-Security-Policy with this response's nonce (and HSTS over https). Next.js reads the
 *    nonce from the request's CSP header and puts it on the scripts it renders; the rest of the
 *    security headers are static and come from next.config.ts for every response.
 */
export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const https = servedOverHttps({ forwardedProto: req.headers.get("x-forwarded-proto"), trustedHops: trustedProxyHops() });

  let res: NextResponse;
  let csp: string;
  if (isApiPath(pathname)) {
    csp = API_CONTENT_SECURITY_POLICY;
    res = NextResponse.next();
  } else {
    const nonce = newNonce();
    csp = pageContentSecurityPolicy({ nonce, https, development: process.env.NODE_ENV === "development" });
    if (SIGN_IN_REQUIRED.test(pathname) && !hasSessionCookie(req)) {
      const url = new URL("/login", req.nextUrl.origin);
      // Path + query only: an absolute callbackUrl would be an open redirect.
      url.searchParams.set("callbackUrl", pathname + req.nextUrl.search);
      res = NextResponse.redirect(url);
    } else {
      const requestHeaders = new Headers(req.headers);
      requestHeaders.set("content-security-policy", csp);
      requestHeaders.set("x-nonce", nonce);
      res = NextResponse.next({ request: { headers: requestHeaders } });
    }
  }
  res.headers.set("Content-Security-Policy", csp);
  if (https) res.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return res;
}

export const config = {
  // Everything but Next's content-hashed assets (scripts and styles that a CSP does not govern;
  // they still get next.config.ts's static headers). Which paths redirect is SIGN_IN_REQUIRED.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
