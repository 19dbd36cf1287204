import { loadArea } from "./loading";

// The texts of `kits.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ kits: (await import("./en-kits")).default }),
  es: async () => ({ kits: (await import("./es-kits")).default }),
  "zh-CN": async () => ({ kits: (await import("./zh-kits")).default }),
});
