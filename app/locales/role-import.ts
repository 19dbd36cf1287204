import { loadArea } from "./loading";

// The texts of `roleImport.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ roleImport: (await import("./en-role-import")).default }),
  es: async () => ({ roleImport: (await import("./es-role-import")).default }),
  "zh-CN": async () => ({ roleImport: (await import("./zh-role-import")).default }),
});
