#!/usr/bin/env node
// Serves the built app on a fresh embedded database for one end-to-end run, removed afterwards.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serverProcessEnv } from "../scripts/server-env.mjs";

const dataDir = mkdtempSync(path.join(tmpdir(), "gdst-e2e-"));
const root = path.resolve(import.meta.dirname, "..");
// the compiled server, as `npm start` runs it (`npm run build` writes dist/server.mjs)
const server = spawn(process.execPath, ["dist/server.mjs"], {
  cwd: root,
  stdio: "inherit",
  env: { ...serverProcessEnv(), DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "",
    // specs post from few accounts in parallel workers; rate-limit.test.ts and e2e/delete-hide check the limit itself
    POST_RATE_LIMIT_PER_MINUTE: process.env.POST_RATE_LIMIT_PER_MINUTE ?? "100000",
    REACTION_RATE_LIMIT_PER_MINUTE: process.env.REACTION_RATE_LIMIT_PER_MINUTE ?? "100000",
  },
});
const stop = () => server.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
