import { loadArea } from "./loading";

// The texts of `loop.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ loop: (await import("./en-loop")).default }),
  es: async () => ({ loop: (await import("./es-loop")).default }),
  "zh-CN": async () => ({ loop: (await import("./zh-loop")).default }),
});
