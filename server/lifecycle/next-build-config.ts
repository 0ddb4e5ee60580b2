import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Makes Next run on the configuration its build wrote into `.next/required-server-files.json`
 * instead of loading `next.config.ts` again. Loading the TypeScript file needs Next's SWC compiler: a
 * 24 MiB native module that starts two threads of its own and stays in the server for its whole life,
 * only to transpile one small file (bench/README.md, "2026-11-27, later"). Next's own standalone server
 * (`output: "standalone"`) hands the build's configuration over the same way, in this variable.
 */
export function runOnBuildConfig(projectDir: string): void {
  const manifestPath = path.join(projectDir, ".next", "required-server-files.json");
  let manifest: { config?: object };
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { config?: object };
  } catch (error) {
    throw new Error(`${manifestPath} fehlt oder ist unlesbar (${(error as Error).message}): bitte \`npm run build\` erneut ausführen.`);
  }
  if (!manifest.config) throw new Error(`${manifestPath} enthält keine Konfiguration: bitte \`npm run build\` erneut ausführen.`);
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(manifest.config);
}
