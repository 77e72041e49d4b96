// ESLint (flat config): typescript-eslint's recommended rules for every TypeScript file of the
// monorepo, ESLint's recommended rules for the plain JavaScript (scripts/*.mjs, the widget demo),
// React's hooks rules for the dashboard, and eslint-config-prettier last so that no rule argues
// with Prettier about layout. `npm run lint` runs this and `prettier --check .`.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  // Generated files, build output, local state and data (ESLint does not read .gitignore).
  globalIgnores([
    "**/node_modules/",
    "**/dist/",
    "**/coverage/",
    "**/.wrangler/",
    ".data/",
    ".scratch/",
    "test-results/",
    "worker-configuration.d.ts",
    "migrations/",
    "bench/results/",
    "eval/coaches/",
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    rules: {
      // A name starting with "_" is deliberately unused: a destructured property left out of a rest
      // object (`const { id: _id, ...rest } = row`), a parameter a signature requires.
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
        },
      ],
      // `let x; const server = createServer(() => x.handle()); x = new X(server);` is the way to
      // build two objects that refer to each other; const cannot express it.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Plain JavaScript that runs under Node: the npm scripts and their helpers.
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["widget/demo/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["dashboard/src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  prettier,
);
