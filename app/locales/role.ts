import { loadArea } from "./loading";

// The texts of `role.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ role: (await import("./en-role")).default }),
  es: async () => ({ role: (await import("./es-role")).default }),
  "zh-CN": async () => ({ role: (await import("./zh-role")).default }),
});
