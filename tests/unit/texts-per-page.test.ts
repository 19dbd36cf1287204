import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import en from "~/locales/en";
import enShared from "~/locales/en-shared";

// A browser page has the shared texts and the areas its modules import (app/locales/loading.ts, decision 0010).
// These tests read each page's static import graph and hold that every text it names is among them.

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");
const LOCALES = path.join(APP, "locales");
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function leaves(texts: object, prefix = ""): string[] {
  return Object.entries(texts).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leaves(value as object, `${prefix}${key}.`),
  );
}

const KEYS = new Set(leaves(en).flatMap((key) => [key, key.replace(PLURAL_SUFFIX, "")]));
const SHARED_KEYS = new Set(leaves(enShared).flatMap((key) => [key, key.replace(PLURAL_SUFFIX, "")]));
const TOP_LEVEL = new Set(Object.keys(en));

/** A text a module names: a whole key, or the static start of a key made at run time (`kits.validation.${…}`). */
type NamedText = { key: string; prefix: boolean };

type ModuleFacts = { imports: string[]; texts: NamedText[]; areaKeys: string[] };

function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("~/")
    ? path.join(APP, specifier.slice(2))
    : specifier.startsWith("~db/")
      ? path.join(ROOT, "db", specifier.slice(4))
      : specifier.startsWith(".")
        ? path.resolve(path.dirname(from), specifier)
        : undefined;
  if (base === undefined) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
}

/** What one source says: its value imports, the texts it names, and (for an area module) the top-level keys it loads. */
function readModule(file: string, source: string): ModuleFacts {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const facts: ModuleFacts = { imports: [], texts: [], areaKeys: [] };
  const isAreaModule = path.dirname(file) === LOCALES && source.includes("loadArea(");
  // A schema names the keys of its messages, and a page may import a schema for a constant alone (the role
  // form takes the kit's length limits): the form that shows the messages names their start
  // (`kits.validation.${…}`), and that is checked where it is shown.
  const isSchema = file.startsWith(path.join(APP, "schemas") + path.sep);
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) ||
      (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier !== undefined)
    ) {
      const imported = resolveImport(file, (node.moduleSpecifier as ts.StringLiteral).text);
      if (imported !== undefined) facts.imports.push(imported);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (!isSchema && KEYS.has(node.text)) facts.texts.push({ key: node.text, prefix: false });
    } else if (ts.isTemplateExpression(node)) {
      const head = node.head.text;
      if (TOP_LEVEL.has(head.split(".")[0] ?? "") && head.includes(".")) facts.texts.push({ key: head, prefix: true });
    } else if (isAreaModule && ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && TOP_LEVEL.has(node.name.text)) {
      facts.areaKeys.push(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return facts;
}

const facts = new Map<string, ModuleFacts>();

function factsOf(file: string): ModuleFacts {
  let known = facts.get(file);
  if (!known) {
    known = readModule(file, fs.readFileSync(file, "utf8"));
    facts.set(file, known);
  }
  return known;
}

/** Every module a page's browser code reaches by static imports (a `.server` module never reaches the browser). */
function importGraph(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file) || /\.server\.tsx?$/.test(file)) continue;
    seen.add(file);
    pending.push(...factsOf(file).imports);
  }
  return seen;
}

function sharedStart(start: string): boolean {
  const keys = [...KEYS].filter((key) => key.startsWith(start));
  return keys.length > 0 && keys.every((key) => SHARED_KEYS.has(key));
}

/** The texts a page names that are neither shared nor in an area its modules load, each with the module naming it. */
function textsNotLoaded(modules: Set<string>): string[] {
  const loadedAreas = new Set([...modules].flatMap((file) => factsOf(file).areaKeys));
  const isLoaded = (key: string) => SHARED_KEYS.has(key) || loadedAreas.has(key.split(".")[0] ?? "");
  const missing: string[] = [];
  for (const file of modules) {
    for (const text of factsOf(file).texts) {
      // A key made at run time is loaded when its area is, or when every key with its start is shared.
      const loaded = text.prefix ? loadedAreas.has(text.key.split(".")[0] ?? "") || sharedStart(text.key) : isLoaded(text.key);
      if (!loaded) missing.push(`${text.key}${text.prefix ? "…" : ""} (${path.relative(ROOT, file)})`);
    }
  }
  return [...new Set(missing)].sort();
}

// Every page loads the root and the client entry besides its own route module.
const EVERY_PAGE = [path.join(APP, "root.tsx"), path.join(APP, "entry.client.tsx")];
const ROUTES = fs.readdirSync(path.join(APP, "routes")).filter((file) => /\.tsx$/.test(file));

describe("texts per page", () => {
  it.each(ROUTES)("%s names only texts that it loads", (route) => {
    expect(textsNotLoaded(importGraph([...EVERY_PAGE, path.join(APP, "routes", route)]))).toEqual([]);
  });

  it("finds a page's text whose area nothing on the page imports", () => {
    const page = path.join(APP, "routes", "audit.tsx");
    const source = fs.readFileSync(page, "utf8");
    expect(source).toContain('import "~/locales/audit";');
    facts.set(page, readModule(page, source.replace('import "~/locales/audit";', "")));
    try {
      const graph = importGraph([...EVERY_PAGE, page]);
      expect(textsNotLoaded(graph)).toContain("audit.title (app/routes/audit.tsx)");
    } finally {
      facts.delete(page);
    }
  });

  it("finds a key made at run time whose area is not loaded, and accepts one the shared texts cover", () => {
    const file = path.join(APP, "components", "Example.tsx");
    facts.set(file, readModule(file, "export const a = (t, k) => [t(`report.charts.basis.${k}`), t(`traits.${k}`)];"));
    try {
      expect(textsNotLoaded(new Set([file]))).toEqual(["report.charts.basis.… (app/components/Example.tsx)"]);
    } finally {
      facts.delete(file);
    }
  });

  it("keeps the shared texts small: every area but the menu's two labels loads with the pages that show it", () => {
    // "due": two words the assessment list writes on the server and the assessment page in the browser (issue 19).
    expect(Object.keys(enShared).sort()).toEqual([
      "app",
      "auth",
      "candidates",
      "characterCount",
      "due",
      "kits",
      "levels",
      "traits",
      "validation",
    ]);
    expect(enShared.kits).toEqual({ nav: en.kits.nav });
    expect(enShared.candidates).toEqual({ nav: en.candidates.nav });
  });
});
