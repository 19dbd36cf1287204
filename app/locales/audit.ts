import { loadArea } from "./loading";

// The texts of `audit.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ audit: (await import("./en-audit")).default }),
  es: async () => ({ audit: (await import("./es-audit")).default }),
  "zh-CN": async () => ({ audit: (await import("./zh-audit")).default }),
});
