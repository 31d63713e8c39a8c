// Lint: typescript-eslint's recommended rules, plus a ban on `any` in our own code.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "plugin-sdk/**", "examples/**/node_modules/**", "examples/**/bin/**", "coverage/**", "release/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.cts", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
