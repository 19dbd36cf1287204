import { loadArea } from "./loading";

// The texts of `users.*` in the page's languages, for the modules that import this file (see loading.ts).
await loadArea({
  en: async () => ({ users: (await import("./en-users")).default }),
  es: async () => ({ users: (await import("./es-users")).default }),
  "zh-CN": async () => ({ users: (await import("./zh-users")).default }),
});
