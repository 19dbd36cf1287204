import { loadArea } from "./loading";

// The texts of `archive.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ archive: (await import("./en-archive")).default }),
  es: async () => ({ archive: (await import("./es-archive")).default }),
  "zh-CN": async () => ({ archive: (await import("./zh-archive")).default }),
});
