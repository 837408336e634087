// Starts the built portal for the e2e run on a fresh embedded database folder.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";

const dataDir = path.resolve(process.env.DATA_DIR ?? ".data/e2e");
fs.rmSync(dataDir, { recursive: true, force: true });
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", process.env.E2E_PORT ?? "3100", "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: { ...process.env, DATA_DIR: dataDir },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
