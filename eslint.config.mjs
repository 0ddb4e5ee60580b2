import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    // Playwright fixtures receive a callback named `use`, which is not React's hook
    files: ["e2e/**/*.ts", "bench/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
  { ignores: ["server/generated/**", ".next/**", "dist/**", "data/**", "test-results/**", "playwright-report/**", "scripts/schema-engine.mjs", "next-env.d.ts"] },
];

export default config;
