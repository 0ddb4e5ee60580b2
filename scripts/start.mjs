#!/usr/bin/env node
// `npm start`: build once if there is no build yet, then serve the compiled server with plain node
// (no TypeScript loader at run time: ~100 MiB less memory, see bench/README.md). Build and server run
// as child processes so their output and exit codes reach the terminal unchanged.
import { spawn, spawnSync } from "node:child_process";
import { constants } from "node:os";
import { existsSync } from "node:fs";
import path from "node:path";
import { serverProcessEnv } from "./server-env.mjs";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const run = (command, args, extraEnv = {}) =>
  spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("Erster Start: die Anwendung wird gebaut (einige Minuten) …");
  const status = run("npx", ["next", "build"], { NODE_ENV: "production" });
  if (status !== 0) process.exit(status);
}
// compiling the server takes under a second: always, so dist/ never lags behind the code
const compiled = run(process.execPath, ["scripts/build-server.mjs"]);
if (compiled !== 0) process.exit(compiled);
const server = spawn(process.execPath, ["dist/server.mjs"], { cwd: root, stdio: "inherit", env: serverProcessEnv(env) });
// a service manager stops `npm start` with SIGTERM to this process alone: pass it on, so the server
// shuts down cleanly instead of running on without its parent (Ctrl+C reaches both; stopping twice is harmless)
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => server.kill(signal));
// npm itself does not pass SIGTERM on to the script it runs: it exits, and this process is left to
// the init process. Its parent going away means the same as the signal.
const parent = process.ppid;
const watchParent = setInterval(() => {
  if (process.ppid !== parent) {
    clearInterval(watchParent);
    server.kill("SIGTERM");
  }
}, 500);
watchParent.unref();
server.on("exit", (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
