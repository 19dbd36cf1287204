import { loadArea } from "./loading";

// The texts of `scorecard.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ scorecard: (await import("./en-scorecard")).default }),
  es: async () => ({ scorecard: (await import("./es-scorecard")).default }),
  "zh-CN": async () => ({ scorecard: (await import("./zh-scorecard")).default }),
});
