import { readEnvOrExit, serve } from "../server/boot";

process.env.NODE_ENV = "development";
const env = readEnvOrExit();
await serve({ ...env, NODE_ENV: "development" }, { kind: "development" });
