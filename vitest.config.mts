import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "."), "server-only": path.resolve(import.meta.dirname, "lib/test/server-only-stub.ts") } },
  test: {
    include: ["{lib,db,app,components}/**/*.test.ts", "proxy.test.ts"],
    environment: "node",
    setupFiles: ["lib/test/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite runs in-process; a few files at once is plenty on 2 cores.
    maxWorkers: 2,
  },
});
