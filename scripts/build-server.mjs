#!/usr/bin/env node
// Compiles server.ts and the server/ code it imports into one ES module, dist/server.mjs, so
// production can run it with plain `node` instead of loading TypeScript through tsx at run time.
// Packages stay external (resolved from node_modules at run time, exactly as under tsx); the
// generated Prisma client under server/generated is project code and is bundled.
import { build } from "esbuild";
import path from "node:path";
import { queryCompilerFromFile, writeQueryCompilerWasm } from "./prisma-query-compiler.mjs";

const root = path.resolve(import.meta.dirname, "..");

await build({
  absWorkingDir: root,
  entryPoints: ["server.ts"],
  outfile: "dist/server.mjs",
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
  plugins: [queryCompilerFromFile],
  // server.ts serves the project root (.next, public) from its own directory; from dist/ that is one level up
  define: { "import.meta.dirname": "__gdstProjectRoot" },
  banner: {
    js: 'import { fileURLToPath as __gdstFileURLToPath } from "node:url";\nconst __gdstProjectRoot = __gdstFileURLToPath(new URL("..", import.meta.url)).replace(/\\/$/, "");',
  },
});
await writeQueryCompilerWasm(path.join(root, "dist"));
console.log("dist/server.mjs written");
