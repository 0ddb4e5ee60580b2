import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { runOnBuildConfig } from "./next-build-config";

const VARIABLE = "__NEXT_PRIVATE_STANDALONE_CONFIG";
const before = process.env[VARIABLE];
const projectDir = mkdtempSync(path.join(tmpdir(), "gdst-build-config-"));
mkdirSync(path.join(projectDir, ".next"));
const manifest = (content: unknown) => writeFileSync(path.join(projectDir, ".next", "required-server-files.json"), JSON.stringify(content));

after(() => {
  rmSync(projectDir, { recursive: true, force: true });
  if (before === undefined) delete process.env[VARIABLE];
  else process.env[VARIABLE] = before;
});

test("Next gets the configuration the build serialised, as its standalone server does", () => {
  const config = { distDir: ".next", poweredByHeader: false, experimental: { authInterrupts: true } };
  manifest({ version: 1, config, files: [] });
  runOnBuildConfig(projectDir);
  assert.deepEqual(JSON.parse(process.env[VARIABLE] ?? "null"), config);
});

test("a build without a serialised configuration stops the start with what to do", () => {
  delete process.env[VARIABLE];
  manifest({ version: 1, files: [] });
  assert.throws(() => runOnBuildConfig(projectDir), /enthält keine Konfiguration: bitte `npm run build` erneut ausführen/);
  assert.equal(process.env[VARIABLE], undefined);
  rmSync(path.join(projectDir, ".next", "required-server-files.json"));
  assert.throws(() => runOnBuildConfig(projectDir), /fehlt oder ist unlesbar \(ENOENT.*bitte `npm run build` erneut ausführen/);
});
