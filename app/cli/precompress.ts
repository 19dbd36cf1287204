import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { COMPRESSION_THRESHOLD_BYTES, PRECOMPRESSED_ENCODINGS, PRECOMPRESSIBLE_EXTENSIONS } from "../server/compression";

/*
 * The build's last step (`npm run build`, and `npm start` when it builds):
 * writes a brotli (quality 11) and a gzip (level 9) file beside every
 * fingerprinted asset worth compressing. An asset never changes under its
 * name, so it is compressed once, as hard as the formats go, and the server
 * sends the file the request accepts without compressing anything per request.
 */

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const ENCODERS: Record<(typeof PRECOMPRESSED_ENCODINGS)[number]["encoding"], (source: Buffer) => Promise<Buffer>> = {
  br: (source) =>
    brotli(source, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    }),
  gzip: (source) => gzip(source, { level: zlib.constants.Z_BEST_COMPRESSION }),
};

export type PrecompressSummary = { files: number; bytes: number; brotliBytes: number; gzipBytes: number };

/** Compresses every asset in `assetsDir` worth it; a variant that would not be smaller is not written. */
export async function precompressAssets(assetsDir: string): Promise<PrecompressSummary> {
  const summary: PrecompressSummary = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  const names = fs.readdirSync(assetsDir, { recursive: true, encoding: "utf8" });
  for (const name of names) {
    const file = path.join(assetsDir, name);
    if (!PRECOMPRESSIBLE_EXTENSIONS.has(path.extname(name)) || !fs.statSync(file).isFile()) continue;
    const source = fs.readFileSync(file);
    if (source.length < COMPRESSION_THRESHOLD_BYTES) continue;
    summary.files += 1;
    summary.bytes += source.length;
    for (const { encoding, extension } of PRECOMPRESSED_ENCODINGS) {
      const compressed = await ENCODERS[encoding](source);
      if (compressed.length >= source.length) continue;
      fs.writeFileSync(`${file}${extension}`, compressed);
      if (encoding === "br") summary.brotliBytes += compressed.length;
      else summary.gzipBytes += compressed.length;
    }
  }
  return summary;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

/** Compresses the assets of the build in `buildDir` and says what it saved. */
export async function precompressBuild(buildDir: string): Promise<void> {
  const summary = await precompressAssets(path.join(buildDir, "client", "assets"));
  console.log(
    `Precompressed ${summary.files} assets: ${kilobytes(summary.bytes)} → ${kilobytes(summary.brotliBytes)} brotli, ${kilobytes(summary.gzipBytes)} gzip.`,
  );
}

// Run as `tsx app/cli/precompress.ts` by `npm run build`; imported by start.ts, which builds itself.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await precompressBuild(path.resolve(import.meta.dirname, "../../build"));
}
