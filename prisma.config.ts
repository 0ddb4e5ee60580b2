import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI would download its native schema engine, which locked-down servers cannot fetch.
// scripts/schema-engine.mjs answers the CLI with Prisma's own wasm engine instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve(import.meta.dirname, "scripts/schema-engine.mjs");

const dataDir = process.env.DATA_DIR ?? "./data";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // postgresql://… for a real server; otherwise the embedded PGlite directory the app uses
  datasource: { url: process.env.DATABASE_URL ?? `file:${path.join(dataDir, "pglite")}` },
});
