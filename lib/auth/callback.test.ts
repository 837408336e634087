import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback";

describe("safeCallbackPath", () => {
  it("keeps a same-site path and query", () => {
    expect(safeCallbackPath("/registry/recipients?q=halyk")).toBe("/registry/recipients?q=halyk");
  });
  it("reduces the proxy's absolute URL to its path", () => {
    expect(safeCallbackPath("http://localhost:3000/registry/recipients")).toBe("/registry/recipients");
  });
  it("refuses another site, protocol-relative targets and the sign-in page", () => {
    expect(safeCallbackPath("https://evil.example/steal")).toBe("/steal");
    expect(safeCallbackPath("//evil.example/x")).toBe("/x");
    expect(safeCallbackPath("/login?callbackUrl=/x")).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
  });
});
