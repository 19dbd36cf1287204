import { loadArea } from "./loading";

// The texts of `invite.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ invite: (await import("./en-invite")).default }),
  es: async () => ({ invite: (await import("./es-invite")).default }),
  "zh-CN": async () => ({ invite: (await import("./zh-invite")).default }),
});
