import { loadArea } from "./loading";

// The texts of `reportSelf.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ reportSelf: (await import("./en-report-self")).default }),
  es: async () => ({ reportSelf: (await import("./es-report-self")).default }),
  "zh-CN": async () => ({ reportSelf: (await import("./zh-report-self")).default }),
});
