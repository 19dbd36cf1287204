// @ts-check
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import tseslint from "typescript-eslint";

/**
 * The parts of the code and the arrows between them, as docs/architecture.md
 * draws them. A file outside every part, or an import against an arrow, fails lint.
 */
const PARTS = [
  { type: "domain", pattern: "app/domain/**", partialMatch: false },
  { type: "schemas", pattern: "app/schemas/**", partialMatch: false },
  { type: "locales", pattern: "app/locales/**", partialMatch: false },
  { type: "utils", pattern: "app/utils/**", partialMatch: false },
  { type: "db", pattern: "db/**", partialMatch: false },
  { type: "models", pattern: "app/models/**", partialMatch: false },
  { type: "http", pattern: "app/http/**", partialMatch: false },
  { type: "components", pattern: "app/components/**", partialMatch: false },
  { type: "routes", pattern: "app/routes/**", partialMatch: false },
  { type: "server", pattern: "app/server/**", partialMatch: false },
  { type: "cli", pattern: "app/cli/**", partialMatch: false },
  { type: "seeds", pattern: "seeds/**", partialMatch: false },
  { type: "tests", pattern: "tests/**", partialMatch: false },
  // Last: the root route, the route list and the entry modules, which Remix keeps in app/ itself.
  { type: "routes", pattern: "app", partialMatch: false },
];

/** Who may import whom: each part lists the parts it may use (its own included). */
const ARROWS = {
  domain: ["domain"],
  schemas: ["schemas", "domain"],
  locales: ["locales"],
  utils: ["utils", "domain", "schemas", "locales"],
  db: ["db", "domain"],
  models: ["models", "db", "domain", "schemas", "utils"],
  http: ["http", "models", "db", "domain", "schemas", "utils"],
  components: ["components", "domain", "schemas", "utils", "locales"],
  routes: ["routes", "components", "http", "models", "db", "domain", "schemas", "utils", "locales"],
  server: ["server", "http", "models", "db", "seeds", "utils", "domain"],
  cli: ["cli", "server", "models", "db", "seeds", "utils", "domain", "schemas", "locales"],
  seeds: ["seeds", "models", "db", "domain", "schemas", "utils"],
  tests: ["tests", "domain", "schemas", "locales", "utils", "db", "models", "http", "components", "routes", "server", "cli", "seeds"],
};

/** zod/mini carries the English wording set once in app/schemas/zod-mini.ts: nothing imports it around that file. */
const ZOD_MINI_DIRECT = { name: "zod/mini", message: 'Import { z } from "~/schemas/zod-mini": it sets zod\'s wording once.' };
/** Code the browser loads validates with zod mini; the full zod stays on the server (docs/decisions). */
const ZOD_FULL = { name: "zod", message: 'Schemas and components run in the browser: use { z } from "~/schemas/zod-mini".' };

export default tseslint.config(
  { ignores: ["build/", "node_modules/", "public/", "bench/", "data/", ".cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "separate-type-imports" }],
      "@typescript-eslint/no-import-type-side-effects": "error",
      // A leading underscore names what a destructuring leaves out on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "db/**/*.ts", "seeds/**/*.ts", "tests/**/*.ts"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": PARTS,
      "boundaries/files": [{ category: "library", pattern: "seeds/{library,manifest}.ts" }],
      "boundaries/include": ["app/**/*", "db/**/*", "seeds/**/*", "tests/**/*"],
      "import/resolver": { typescript: { project: "./tsconfig.json" } },
    },
    rules: {
      "boundaries/no-unknown-files": "error",
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          policies: [
            ...Object.entries(ARROWS).map(([from, to]) => ({
              from: { element: { type: from } },
              allow: { to: { element: { types: { anyOf: to } } } },
            })),
            // The library is content the app ships and keeps up to date at run time, not demo data.
            { from: { element: { type: "models" } }, allow: { to: { file: { categories: "library" } } } },
          ],
        },
      ],
    },
  },
  {
    files: ["app/schemas/**", "app/components/**", "app/utils/**"],
    ignores: ["app/schemas/zod-mini.ts", "app/**/*.server.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [ZOD_FULL, ZOD_MINI_DIRECT] }] },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/schemas/**", "app/components/**", "app/utils/**"],
    rules: { "no-restricted-imports": ["error", { paths: [ZOD_MINI_DIRECT] }] },
  },
  {
    files: ["app/**/*.server.ts"],
    ignores: ["app/schemas/zod-mini.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [ZOD_MINI_DIRECT] }] },
  },
  {
    // Product rules are pure: no framework, no database, no files or network.
    files: ["app/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ regex: "^(node:|@remix-run/|react|kysely|better-sqlite3|pg$|express)", message: "app/domain is pure TypeScript." }],
        },
      ],
    },
  },
  {
    // Models return data; answering a request is the route's (or app/http's) job.
    files: ["app/models/**", "db/**", "seeds/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [ZOD_MINI_DIRECT], patterns: [{ group: ["@remix-run/*"], message: "Models return data, never Responses." }] },
      ],
    },
  },
  {
    // One transaction owner: a model function opens (or joins) the transaction its writes need.
    files: ["app/routes/**", "app/root.tsx", "app/http/**", "app/server/**", "app/cli/**", "app/components/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: "Models own transactions: call a model function that opens (or joins) one (docs/architecture.md).",
        },
        {
          selector: "ImportDeclaration[source.value=/db\\/transaction$/]",
          message: "Models own transactions: call a model function that opens (or joins) one (docs/architecture.md).",
        },
      ],
    },
  },
  {
    // The root route and entry modules make "app" a part of its own; a new folder in app/ must still be placed in the picture.
    files: ["app/*/**"],
    ignores: PARTS.flatMap((part) => (part.pattern.startsWith("app/") ? [part.pattern] : [])),
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Program",
          message: "A new folder in app/ is a new part: draw it in docs/architecture.md and PARTS in eslint.config.js.",
        },
      ],
    },
  },
);
