import { loadArea } from "./loading";

// The texts of `privacy.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ privacy: (await import("./en-privacy")).default }),
  es: async () => ({ privacy: (await import("./es-privacy")).default }),
  "zh-CN": async () => ({ privacy: (await import("./zh-privacy")).default }),
});
