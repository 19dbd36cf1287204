import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { ServerBuild } from "@remix-run/node";

/** The JavaScript one page's document loads, gzipped, in the language whose texts weigh more. */
export type PageJavaScript = {
  /** The Remix route id, e.g. "routes/kits._index". */
  route: string;
  /** Gzipped bytes of every file below. */
  gzippedBytes: number;
  /** The page's files, from `/assets/`. */
  files: string[];
  /** The language counted: the one whose shared texts and areas are larger on this page. */
  language: string;
  /** The page validates a form in the browser: its files include the `forms` chunk (react-hook-form and its resolver). */
  validatedForm: boolean;
};

type ViteChunk = { file: string; name?: string; src?: string; imports?: string[]; dynamicImports?: string[] };

const LANGUAGE_TEXTS = /^app\/locales\/(\w+)-[\w-]+\.ts$/;

/**
 * What every page with a component loads: the client entry and what it
 * imports, its route chain's modules with their static imports (as Remix's
 * manifest lists them and the document preloads them), and the texts those
 * files load on their own in one language (utils/i18n.ts, locales/loading.ts).
 * Remix writes the page's part of its own manifest into the document, so no
 * manifest file is counted. Exact sizes from the build, not timings.
 */
export async function measurePageJavaScript(buildDir: string): Promise<PageJavaScript[]> {
  const build = (await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href)) as ServerBuild;
  const clientDir = path.join(buildDir, "client");
  const vite = JSON.parse(fs.readFileSync(path.join(buildDir, ".vite", "client-manifest.json"), "utf8")) as Record<string, ViteChunk>;
  const chunkByUrl = new Map(Object.values(vite).map((chunk) => [`/${chunk.file}`, chunk]));
  const gzipped = new Map<string, number>();
  const size = (url: string): number => {
    let bytes = gzipped.get(url);
    if (bytes === undefined) {
      bytes = gzipSync(fs.readFileSync(path.join(clientDir, url))).length;
      gzipped.set(url, bytes);
    }
    return bytes;
  };
  const { assets } = build;
  const pages: PageJavaScript[] = [];
  for (const [id, route] of Object.entries(assets.routes)) {
    // Resource routes (no component) load no JavaScript.
    if (id === "root" || build.routes[id]?.module.default === undefined) continue;
    const files = new Set<string>([assets.entry.module, ...assets.entry.imports]);
    for (let current: typeof route | undefined = route; current; current = current.parentId ? assets.routes[current.parentId] : undefined) {
      files.add(current.module);
      for (const file of current.imports ?? []) files.add(file);
    }
    const textsByLanguage = new Map<string, string[]>();
    for (const file of files) {
      for (const key of chunkByUrl.get(file)?.dynamicImports ?? []) {
        const language = LANGUAGE_TEXTS.exec(vite[key]?.src ?? "")?.[1];
        const texts = vite[key]?.file;
        if (language === undefined || texts === undefined) continue;
        textsByLanguage.set(language, [...(textsByLanguage.get(language) ?? []), `/${texts}`]);
      }
    }
    const code = [...files];
    const bytesOf = (list: string[]) => list.reduce((sum, file) => sum + size(file), 0);
    const [language, texts] = [...textsByLanguage].sort(([, a], [, b]) => bytesOf(b) - bytesOf(a))[0] ?? ["", []];
    const all = [...code, ...new Set(texts)];
    pages.push({
      route: id,
      gzippedBytes: bytesOf(all),
      files: all,
      language,
      validatedForm: code.some((file) => chunkByUrl.get(file)?.name === "forms"),
    });
  }
  return pages.sort((a, b) => a.route.localeCompare(b.route));
}
