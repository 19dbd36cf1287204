import { loadArea } from "./loading";

// The texts of `level.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ level: (await import("./en-level")).default }),
  es: async () => ({ level: (await import("./es-level")).default }),
  "zh-CN": async () => ({ level: (await import("./zh-level")).default }),
});
