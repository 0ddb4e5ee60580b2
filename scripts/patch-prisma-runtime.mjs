#!/usr/bin/env node
// Runs after `prisma generate` (postinstall). Prisma 7's client runtime deserialises the schema's
// parameterization graph into one object per node whose keys are indexes into the schema's string
// table (up to ~2,400 here). V8 stores such integer keys as a holey array as long as the largest key
// is below its gap limit, so a node with five edges gets a backing store of up to ~1,500 slots: 18 MiB
// of the server's heap, for the life of the process, for data worth well under 1 MiB. Storing the edges
// in a Map (same lookups, same results) removes that. Measured in bench/README.md ("2026-11-27, later").
//
// The replacements are exact strings of @prisma/client's published runtime (the version in
// package-lock.json). If an upgrade changes them, nothing is patched, this script says so, and
// server/db/prisma-runtime-patch.test.ts fails: then check whether the new version still needs it.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const MARKER = "/* gdst: parameterization graph edges in Maps (scripts/patch-prisma-runtime.mjs) */";

/** [original, replacement, how often the original occurs in each runtime file] */
export const REPLACEMENTS = [
  ["i=this.#i(),o={};for(let s=0;s<i;s++)", "i=this.#i(),o=new Map;for(let s=0;s<i;s++)", 2],
  ["o[a]=S}r.push({edges:o})", "o.set(a,S)}r.push({edges:o})", 1],
  ["o[a]=P}r.push({edges:o})", "o.set(a,P)}r.push({edges:o})", 1],
  ["let o=n.edges[i];", "let o=n.edges.get(i);", 2],
];

export function runtimeFiles() {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve("@prisma/client/package.json"));
  return ["client.js", "client.mjs"].map((file) => path.join(packageDir, "runtime", file));
}

const count = (text, part) => text.split(part).length - 1;

/** "patched", "already patched" or why it could not be patched; the file is written only when all match. */
export function patchRuntimeFile(file) {
  const text = readFileSync(file, "utf8");
  if (text.includes(MARKER)) return "already patched";
  const mismatch = REPLACEMENTS.find(([original, , expected]) => count(text, original) !== expected);
  if (mismatch) return `not patched: "${mismatch[0]}" occurs ${count(text, mismatch[0])} times instead of ${mismatch[2]}`;
  let patched = text;
  for (const [original, replacement] of REPLACEMENTS) patched = patched.replaceAll(original, replacement);
  writeFileSync(file, `${patched}\n${MARKER}\n`);
  return "patched";
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of runtimeFiles()) {
    const outcome = patchRuntimeFile(file);
    if (outcome.startsWith("not patched")) {
      console.warn(`Prisma-Laufzeit ${path.relative(process.cwd(), file)}: ${outcome}. Die Anwendung läuft, braucht aber rund 18 MiB mehr Speicher (scripts/patch-prisma-runtime.mjs).`);
    }
  }
}
