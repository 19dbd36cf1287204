import { loadArea } from "./loading";

// The texts of `report.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ report: (await import("./en-report")).default }),
  es: async () => ({ report: (await import("./es-report")).default }),
  "zh-CN": async () => ({ report: (await import("./zh-report")).default }),
});
