export declare const MARKER: string;
/** [original, replacement, how often the original occurs in each runtime file] */
export declare const REPLACEMENTS: readonly (readonly [original: string, replacement: string, times: number])[];
export declare function runtimeFiles(): string[];
export declare function patchRuntimeFile(file: string): "patched" | "already patched" | `not patched: ${string}`;
