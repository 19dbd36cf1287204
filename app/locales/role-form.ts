import { loadArea } from "./loading";

// The texts of `roleForm.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ roleForm: (await import("./en-role-form")).default }),
  es: async () => ({ roleForm: (await import("./es-role-form")).default }),
  "zh-CN": async () => ({ roleForm: (await import("./zh-role-form")).default }),
});
