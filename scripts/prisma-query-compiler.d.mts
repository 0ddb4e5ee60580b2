import type { Plugin } from "esbuild";
export declare const WASM_FILE: string;
export declare const GENERATED_LOADER: string;
/** The generated client's source with the file loader; throws when the generated code is not the expected one. */
export declare function loadQueryCompilerFromFile(source: string): string;
/** Decodes the query compiler once, at build time, into `outDir`. */
export declare function writeQueryCompilerWasm(outDir: string): Promise<void>;
export declare const queryCompilerFromFile: Plugin;
