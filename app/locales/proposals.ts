import { loadArea } from "./loading";

// The texts of `proposals.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ proposals: (await import("./en-proposals")).default }),
  es: async () => ({ proposals: (await import("./es-proposals")).default }),
  "zh-CN": async () => ({ proposals: (await import("./zh-proposals")).default }),
});
