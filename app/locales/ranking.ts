import { loadArea } from "./loading";

// The texts of `ranking.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ ranking: (await import("./en-ranking")).default }),
  es: async () => ({ ranking: (await import("./es-ranking")).default }),
  "zh-CN": async () => ({ ranking: (await import("./zh-ranking")).default }),
});
