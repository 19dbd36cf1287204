import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// patch-package applies patches/ at postinstall and only warns when one does not apply (a
// new upstream version, an install with --ignore-scripts): the app would still run, slower
// and, for a half-applied patch, wrong. These tests turn that warning into a failure.

const ROOT = path.resolve(import.meta.dirname, "../..");
const PATCHES = path.join(ROOT, "patches");

// What each patch fixes (patches/README.md says why and how to drop it).
const FIXES: Record<string, string> = {
  "@remix-run+react+2.17.5.patch": "RemixServer makes a build's route tree once, not once per document",
  "@remix-run+router+1.23.3.patch": "route matching reuses the ranked branches of a route array and compiled path patterns",
  "react-router-dom+6.30.4.patch": "the static router converts a route array to data routes once, not once per request",
  "react-dom+18.3.1.patch": "a streamed page has no NUL bytes where a multi-byte character met the end of React's 2 KB buffer",
};

interface PatchedFile {
  file: string;
  addedLines: string[];
}

// patch-package names a patch "<name with / as +>+<version>.patch".
function packageOf(patchFile: string): { name: string; version: string } {
  const stem = patchFile.replace(/\.patch$/, "");
  const versionAt = stem.lastIndexOf("+");
  return { name: stem.slice(0, versionAt).replaceAll("+", "/"), version: stem.slice(versionAt + 1) };
}

function filesOf(patchText: string): PatchedFile[] {
  const files: PatchedFile[] = [];
  for (const line of patchText.split("\n")) {
    const target = /^\+\+\+ b\/(node_modules\/.+)$/.exec(line)?.[1];
    if (target !== undefined) files.push({ file: target, addedLines: [] });
    else if (line.startsWith("+") && line.slice(1).trim() !== "") files.at(-1)?.addedLines.push(line.slice(1));
  }
  return files;
}

const patchFiles = fs.readdirSync(PATCHES).filter((file) => file.endsWith(".patch"));
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as Record<
  "dependencies" | "devDependencies" | "overrides",
  Record<string, string>
>;
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string }>;
};

describe("framework patches", () => {
  it("every patch says what it fixes here and in patches/README.md", () => {
    const readme = fs.readFileSync(path.join(PATCHES, "README.md"), "utf8");
    expect(patchFiles.sort()).toEqual(Object.keys(FIXES).sort());
    for (const patchFile of patchFiles) expect(readme).toContain(patchFile);
  });

  for (const patchFile of patchFiles) {
    const { name, version } = packageOf(patchFile);

    describe(`${name} ${version}: ${FIXES[patchFile] ?? patchFile}`, () => {
      it("is installed at the version the patch was made for", () => {
        const installed = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string };
        expect(installed.version).toBe(version);
      });

      it("is pinned to that exact version in package.json (a dependency of its own, or an override)", () => {
        const pins = [manifest.dependencies[name], manifest.devDependencies[name], manifest.overrides[name]].filter(
          (pin) => pin !== undefined,
        );
        expect(pins.length).toBeGreaterThan(0);
        for (const pin of pins) expect(pin).toBe(version);
      });

      it("is the only copy in the lock file, so no dependency gets an unpatched one", () => {
        const copies = Object.entries(lock.packages).filter(
          ([where]) => where === `node_modules/${name}` || where.endsWith(`/node_modules/${name}`),
        );
        expect(copies.map(([where, entry]) => `${where}@${entry.version}`)).toEqual([`node_modules/${name}@${version}`]);
      });

      it("has every line the patch adds in the installed files", () => {
        const files = filesOf(fs.readFileSync(path.join(PATCHES, patchFile), "utf8"));
        expect(files.length).toBeGreaterThan(0);
        for (const { file, addedLines } of files) {
          const installedLines = new Set(fs.readFileSync(path.join(ROOT, file), "utf8").split("\n"));
          const missing = addedLines.filter((line) => !installedLines.has(line));
          expect(missing, `${file} lacks lines of ${patchFile}`).toEqual([]);
        }
      });
    });
  }
});
