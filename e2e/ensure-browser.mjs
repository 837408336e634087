// Playwright needs a Chromium: Debian's where installed, else Playwright's own (installed here if missing).
import fs from "node:fs";
import { execSync } from "node:child_process";

if (["/usr/bin/chromium", "/usr/bin/chromium-browser"].some((p) => fs.existsSync(p))) process.exit(0);
try {
  const { chromium } = await import("@playwright/test");
  if (fs.existsSync(chromium.executablePath())) process.exit(0);
} catch {
  /* fall through to install */
}
console.log("No Chromium found: installing Playwright's Chromium…");
execSync("npx playwright install chromium", { stdio: "inherit" });
