/**
 * Reduces a callbackUrl to a same-site path + query. The proxy puts absolute URLs there, and an
 * absolute or protocol-relative target would be an open redirect.
 */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value) return "/";
  try {
    const url = new URL(value, "http://portal.invalid");
    const path = url.pathname + url.search;
    if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/login") || path.startsWith("/api/")) return "/";
    return path;
  } catch {
    return "/";
  }
}
