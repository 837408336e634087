import { NextResponse, type NextRequest } from "next/server";

// Auth.js's session cookie, plain over http and with the __Secure- prefix over https.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * An early redirect only: visitors without a session cookie go to sign-in. It does not verify
 * or refresh the session (a refresh here raced sign-out and re-set the deleted cookie); every
 * page, server action and route handler verifies the session and checks its permission itself.
 */
export function proxy(req: NextRequest) {
  if (SESSION_COOKIES.some((name) => req.cookies.has(name) || req.cookies.getAll().some((c) => c.name.startsWith(`${name}.`)))) {
    return NextResponse.next();
  }
  const url = new URL("/login", req.nextUrl.origin);
  // Path + query only: an absolute callbackUrl would be an open redirect.
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  // Not: sign-in, the API (it answers 401 problem+json itself), the public pages, static files.
  matcher: ["/((?!login|api|public|policy|_next|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
