import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { minify } from "terser";
import { transform } from "esbuild";
const src = fs.readFileSync(process.argv[2], "utf8");
const gz = (s) => (gzipSync(s).length / 1024).toFixed(2);
const e = await transform(src, { minify: true, format: "esm", target: "es2022" });
console.log("esbuild", gz(e.code));
const variants = {
  "p2 toplevel": { module: true, ecma: 2020, toplevel: true, compress: { passes: 2 } },
  "p3 toplevel pure_getters": { module: true, ecma: 2020, toplevel: true, compress: { passes: 3, pure_getters: true } },
  "p2 toplevel unsafe_arrows+methods": { module: true, ecma: 2020, toplevel: true, compress: { passes: 2, unsafe_arrows: true, unsafe_methods: true } },
};
for (const [name, opts] of Object.entries(variants)) {
  const r = await minify(src, opts);
  console.log(name, gz(r.code));
}
