import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { GENERATED_LOADER, WASM_FILE, loadQueryCompilerFromFile, writeQueryCompilerWasm } from "./prisma-query-compiler.mjs";

const generatedClient = readFileSync(path.join(import.meta.dirname, "..", "server", "generated", "prisma", "internal", "class.ts"), "utf8");
const outDir = mkdtempSync(path.join(tmpdir(), "gdst-query-compiler-"));
after(() => rmSync(outDir, { recursive: true, force: true }));

test("the bundled client reads the query compiler from a file instead of keeping a base64 module loaded", () => {
  const bundled = loadQueryCompilerFromFile(generatedClient);
  assert.equal(bundled.includes("wasm-base64"), false);
  assert.ok(bundled.includes(`new URL("./${WASM_FILE}", import.meta.url)`));
  // everything else of the generated client is left as it was
  const [before, rest] = generatedClient.split(GENERATED_LOADER);
  assert.ok(bundled.startsWith(before) && bundled.endsWith(rest));
});

test("a generated client that loads its compiler differently stops the build with a pointer to the script", () => {
  const changed = generatedClient.replace(GENERATED_LOADER, GENERATED_LOADER.replace("decodeBase64AsWasm", "decodeWasm"));
  assert.throws(() => loadQueryCompilerFromFile(changed), /does not load its query compiler as expected \(found 0 times\): see scripts\/prisma-query-compiler\.mjs/);
  assert.throws(() => loadQueryCompilerFromFile(generatedClient + GENERATED_LOADER), /found 2 times/);
});

test("the build writes the query compiler as a WebAssembly module Prisma can instantiate", async () => {
  await writeQueryCompilerWasm(outDir);
  const bytes = readFileSync(path.join(outDir, WASM_FILE));
  assert.ok(WebAssembly.validate(bytes));
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((entry) => entry.name);
  assert.ok(exports.includes("__wbindgen_start"), "the export Prisma's runtime starts the compiler with");
});
