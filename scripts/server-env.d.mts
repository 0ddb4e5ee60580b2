export declare const productionServerEnv: { NODE_ENV: "production"; NEXT_TELEMETRY_DISABLED: "1"; MALLOC_ARENA_MAX: string };
/** `base` with the production settings; a MALLOC_ARENA_MAX the operator set is kept. */
export declare function serverProcessEnv(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
