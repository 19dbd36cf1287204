import { loadArea } from "./loading";

// The texts of `account.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ account: (await import("./en-account")).default }),
  es: async () => ({ account: (await import("./es-account")).default }),
  "zh-CN": async () => ({ account: (await import("./zh-account")).default }),
});
