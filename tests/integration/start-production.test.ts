import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./support/test-server";

/*
 * `npm start` (and `npm run bench`, which measures what it serves) must load
 * React in its production build. NODE_ENV set in an entry point's body came
 * after its imports had loaded React's development build; app/cli/production-mode.ts
 * sets it, imported first.
 */

/**
 * The React builds a fresh Node process runs when it imports these modules in
 * order. Node lists a CommonJS module's re-exports (react/index.js names both
 * builds) without running them, so only the loaded ones count.
 */
function reactBuildsRunBy(modules: string[]): string[] {
  const script = [
    ...modules.map((m) => `await import(${JSON.stringify(path.join(REPO_ROOT, m))});`),
    `const { createRequire } = await import("node:module");`,
    `const cache = createRequire(${JSON.stringify(path.join(REPO_ROOT, "package.json"))}).cache;`,
    `const run = Object.entries(cache).filter(([file, m]) => m?.loaded && file.includes("/node_modules/react/cjs/"));`,
    `console.log(JSON.stringify(run.map(([file]) => file.split("/").pop())));`,
  ].join("\n");
  // As a shell starts it: no NODE_ENV (Vitest's "test" would choose the development build itself). Remix's global
  // types make NODE_ENV required, hence the cast.
  const { NODE_ENV: _vitests, ...env } = process.env;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: REPO_ROOT,
    env: env as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "[]") as string[];
}

describe("the entry points serve React's production build", () => {
  it("import production-mode.ts before anything else", () => {
    for (const entry of ["app/cli/start.ts", "app/cli/bench.ts"]) {
      const source = fs.readFileSync(path.join(REPO_ROOT, entry), "utf8");
      const firstImport = /^import\s[^;]*;/m.exec(source)?.[0];
      expect(firstImport, entry).toBe('import "./production-mode";');
    }
  });

  it("runs the production build of React with it, and the development build without it", () => {
    const withMode = reactBuildsRunBy(["app/cli/production-mode.ts", "app/server/boot.ts"]);
    expect(withMode).toContain("react.production.min.js");
    expect(withMode.filter((file) => file.includes("development"))).toEqual([]);
    // The mistake it guards against: the server's imports run React on their own, in its development build.
    expect(reactBuildsRunBy(["app/server/boot.ts"])).toContain("react.development.js");
  });
});
