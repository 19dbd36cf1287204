import { loadArea } from "./loading";

// The texts of `roles.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ roles: (await import("./en-roles")).default }),
  es: async () => ({ roles: (await import("./es-roles")).default }),
  "zh-CN": async () => ({ roles: (await import("./zh-roles")).default }),
});
