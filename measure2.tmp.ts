import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { measurePageJavaScript } from "./app/cli/page-javascript";
const pages = await measurePageJavaScript("build");
for (const p of pages.filter((p) => process.argv.slice(2).includes(p.route))) {
  console.log(p.route, (p.gzippedBytes / 1024).toFixed(1));
  for (const f of p.files) console.log("   ", f.padEnd(50), (gzipSync(fs.readFileSync("build/client" + f)).length / 1024).toFixed(2));
}
