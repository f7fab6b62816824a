// ESLint flat config (kept in .ci/: the top level of the repository is fixed). `npm run lint`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// A value import of a *.server module from code that ships to the browser builds fine and
// arrives as `undefined` (Remix empties server modules in the client bundle): forbid it there.
const serverModuleImports = {
  patterns: [{ group: ["**/*.server", "**/*.server.ts", "~/**/*.server"], allowTypeImports: true, message: "Server-only module: import it from *.server.ts files, routes' loaders/actions, or as `import type`." }],
};

export default tseslint.config(
  { basePath: root },
  { ignores: ["build/**", "public/build/**", "app/generated/**", ".cache/**", "node_modules/**", "tests/.tmp/**", "data/**", "public/widget.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Remix's config file is CommonJS, read by Node.
  { files: ["remix.config.js"], languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } } },
  {
    // The two classic hook rules. react-hooks 7's other recommended rules check code for the React
    // Compiler, which Baton does not use (they flag deliberate refs-during-render and effect patterns).
    files: ["app/**/*.tsx", "app/**/use-*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["**/*.{ts,tsx,mts}"],
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Browser-bound code: components, client hooks, node editors, everything in app/ that is not a
    // server module, a route (loaders/actions may import server code), or a command-line tool.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.server.ts", "app/**/*.server.tsx", "app/routes/**", "app/cli/**", "app/entry.server.tsx"],
    rules: { "no-restricted-imports": ["error", serverModuleImports] },
  },
);
