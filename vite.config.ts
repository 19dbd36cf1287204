import path from "node:path";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Rollup } from "vite";
import { configDefaults } from "vitest/config";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const isTest = Boolean(process.env.VITEST);

/*
 * Integration files the PostgreSQL run leaves out, each for a reason: they test
 * SQLite itself (its file's backup, pragmas, planner, statement cache, crash
 * recovery, upgrades of old files), whose PostgreSQL counterparts are in
 * tests/integration/postgres/, or they measure the build, which no database changes.
 */
const ON_SQLITE_ONLY = [
  "backup",
  "crash",
  "database",
  "mail-crash",
  "migrations",
  "query-plans",
  "statement-cache",
  "js-budget",
  "compression",
];

/** `~/` is app/, `~db/` is db/: the same in the app, its tests and the test server's bundle. */
export const SOURCE_ALIASES = { "~": path.resolve(__dirname, "app"), "~db": path.resolve(__dirname, "db") };

type RollupLog = Rollup.RollupLog;

const FRAMEWORK =
  /node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|@remix-run\/[\w-]+|turbo-stream|rosetta|dlv|templite)\//;
const ZOD = /node_modules\/zod\/|\/app\/schemas\/zod-mini\.ts$/;
const FORMS = /node_modules\/(react-hook-form|@hookform\/resolvers)\/|\/app\/components\/forms\.tsx$/;
const SMALL_SHARED = /\/app\/(utils\/(i18n|use-translation|use-hydrated|nonce)|components\/(ErrorPage|PlainLink)|locales\/loading)\.tsx?$/;

/**
 * What every page loads, in one file: the framework, the texts' lookup and the
 * few small components the layout itself draws. Components only some pages
 * use (TableScroll, ShownText, RecordActionButton, dates) were in it too: out
 * of it, most pages load 0.2–0.5 KB less (gzipped) and a page that uses all
 * of them ≤ 0.4 KB more for the extra files.
 */
function everyPageChunk(id: string): string | undefined {
  if (FRAMEWORK.test(id) || SMALL_SHARED.test(id)) return "framework";
  // zod in one file for every form page: its coercion alone made a 137-byte file of its own.
  if (ZOD.test(id)) return "zod";
  // What validates a form in the browser, named so that a page's budget can tell it has one (app/cli/page-javascript.ts).
  if (FORMS.test(id)) return "forms";
  return undefined;
}

/**
 * Warnings every build gives and nothing in this code can change: zod's own
 * comments that Rollup cannot place, the empty browser file of each route that
 * only answers on the server (an export, a CSV, /healthz), and the server build
 * keeping the texts (app/locales/en.ts imports every area) that the browser
 * loads by area. Anything else is shown.
 */
function isExpectedWarning(warning: RollupLog): boolean {
  if (warning.code === "INVALID_ANNOTATION") return Boolean(warning.id?.includes("/node_modules/zod/"));
  if (warning.code === "EMPTY_BUNDLE") return true;
  return /\/app\/locales\/[\w-]+\.ts is dynamically imported by .*\/app\/(locales\/[\w-]+|utils\/i18n)\.ts but also statically imported by /.test(
    warning.message,
  );
}

function onwarn(warning: RollupLog, warn: (warning: RollupLog) => void): void {
  if (!isExpectedWarning(warning)) warn(warning);
}

export default defineConfig(({ isSsrBuild }) => ({
  resolve: {
    alias: SOURCE_ALIASES,
  },
  plugins: [
    !isTest &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
        },
      }),
  ],
  build: {
    // ES2022 for top-level await: a module awaits its texts' area before the page it belongs to renders (app/locales/loading.ts).
    target: "es2022",
    // Terser takes 3.6 KB (gzipped) more than esbuild off the framework chunk that every page loads (85.1 → 81.5 KB);
    // a third pass and unsafe options gave 0.1–0.5 KB more each and were left out.
    minify: isSsrBuild ? false : "terser",
    terserOptions: { module: true, ecma: 2020, toplevel: true, compress: { passes: 2 } },
    // Remix moves it to build/.vite/client-manifest.json, outside what is served: app/cli/page-javascript.ts measures pages with it.
    manifest: true,
    // Recharts is large: keep it out of pages that draw no chart.
    chunkSizeWarningLimit: 700,
    // The browser's files only: the server's build stays one module.
    rollupOptions: isSsrBuild ? { onwarn } : { onwarn, output: { manualChunks: everyPageChunk } },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.ts", "tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "tests/integration/postgres/**"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          // The same suite on a PostgreSQL server the run starts (tests/integration/support/postgres-setup.ts).
          name: "integration-postgres",
          include: ["tests/integration/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...ON_SQLITE_ONLY.map((name) => `tests/integration/${name}.test.ts`)],
          environment: "node",
          globalSetup: ["tests/integration/support/postgres-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "tests/e2e/postgres/**"],
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          // A journey takes ~25 s alone; on two cores shared with other runs it has taken over 60 s.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser and one server: files run one after another, which keeps 2-core CI machines calm.
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        extends: true,
        test: {
          // Browser journeys on PostgreSQL, through two app servers behind a round-robin proxy (tests/e2e/postgres/).
          name: "e2e-postgres",
          include: ["tests/e2e/postgres/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/e2e/postgres/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
}));
