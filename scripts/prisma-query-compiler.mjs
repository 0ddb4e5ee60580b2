// Prisma's generated client loads its query compiler (WebAssembly) from a JavaScript module that holds
// it as one base64 string. An ES module stays loaded for the life of the process, so the server kept
// 8.7 MiB of heap for it: the module's source and the string, 4.4 MiB each, needed once at start.
// scripts/build-server.mjs instead writes the binary next to dist/server.mjs and compiles the bundled
// client to read it from there: the bytes are garbage once WebAssembly has compiled them.
// (Tests and `npm run dev` run the generated client as it is.)
import { writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

export const WASM_FILE = "prisma-query-compiler.wasm";
const BASE64_MODULE = "@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs";

export const GENERATED_LOADER = `    const { wasm } = await import("${BASE64_MODULE}")
    return await decodeBase64AsWasm(wasm)`;
const FILE_LOADER = `    const { readFile } = await import("node:fs/promises")
    return new WebAssembly.Module(await readFile(new URL("./${WASM_FILE}", import.meta.url)))`;

/** The generated client's source with the file loader; throws when the generated code is not the expected one. */
export function loadQueryCompilerFromFile(source) {
  const occurrences = source.split(GENERATED_LOADER).length - 1;
  if (occurrences !== 1) {
    throw new Error(`Prisma's generated client does not load its query compiler as expected (found ${occurrences} times): see scripts/prisma-query-compiler.mjs`);
  }
  return source.replace(GENERATED_LOADER, FILE_LOADER);
}

/** Decodes the query compiler once, at build time, into `outDir`. */
export async function writeQueryCompilerWasm(outDir) {
  const { wasm } = await import(BASE64_MODULE);
  writeFileSync(path.join(outDir, WASM_FILE), Buffer.from(wasm, "base64"));
}

/** esbuild plugin: the bundled generated client reads the query compiler from WASM_FILE. */
export const queryCompilerFromFile = {
  name: "prisma-query-compiler-from-file",
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]generated[\\/]prisma[\\/]internal[\\/]class\.ts$/ }, async (args) => ({
      contents: loadQueryCompilerFromFile(await readFile(args.path, "utf8")),
      loader: "ts",
    }));
  },
};
