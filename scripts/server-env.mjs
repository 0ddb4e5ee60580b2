// The environment a production server process starts with. `npm start` and the servers of the e2e,
// scale-out and bench runs take it from here, so what is tested and measured is what runs;
// `npm run serve` and deploy/Dockerfile set the same variables.
export const productionServerEnv = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  // glibc gives threads that allocate their own malloc arenas (up to eight per core). V8's compiler
  // and garbage-collector threads leave 40–50 MiB of freed memory in theirs that is never returned to
  // the system. One shared arena keeps it out of the server's resident memory at no measurable CPU
  // cost (bench/README.md, "2026-11-27, later"). Must be set before the process starts.
  MALLOC_ARENA_MAX: "1",
};

/** `base` with the production settings; a MALLOC_ARENA_MAX the operator set is kept. */
export function serverProcessEnv(base = process.env) {
  return { ...base, ...productionServerEnv, MALLOC_ARENA_MAX: base.MALLOC_ARENA_MAX || productionServerEnv.MALLOC_ARENA_MAX };
}
