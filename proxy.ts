import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";

const { auth } = NextAuth(authConfig);

/**
 * An early redirect only: anonymous visitors of portal pages go to sign-in. Authorization is
 * checked again, by permission, in every page, server action and route handler.
 */
export const proxy = auth((req) => {
  if (req.auth) return NextResponse.next();
  const url = new URL("/login", req.nextUrl.origin);
  // Path + query only: an absolute callbackUrl would be an open redirect.
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
});

export const config = {
  // Not: sign-in, the API (it answers 401 problem+json itself), the public pages (/public…, and
  // the published policy /policy…, which anyone may read), static files.
  matcher: ["/((?!login|api|public|policy|_next|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
