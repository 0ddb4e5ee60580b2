import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: ["server/generated/**", ".next/**", "data/**", "test-results/**", "playwright-report/**", "scripts/schema-engine.mjs", "next-env.d.ts"] },
];

export default config;
