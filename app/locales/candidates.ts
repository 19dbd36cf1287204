import { loadArea } from "./loading";

// The texts of `candidates.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ candidates: (await import("./en-candidates")).default }),
  es: async () => ({ candidates: (await import("./es-candidates")).default }),
  "zh-CN": async () => ({ candidates: (await import("./zh-candidates")).default }),
});
