import fs from "node:fs";
import pg from "pg";
import { createPostgresDb } from "./db/connection";
import { migrateToLatest } from "./db/migrator";
import { loadDemoData } from "./seeds/demo";
const admin = fs.readFileSync("/tmp/pgurl", "utf8");
const c = new pg.Client(admin); await c.connect();
const name = "m" + Date.now(); await c.query(`create database ${name}`); await c.end();
const url = admin.replace(/\/postgres$/, "/" + name);
const { db } = createPostgresDb(url);
let t = Date.now();
try { console.log(await migrateToLatest(db)); console.log("migrated", Date.now() - t); t = Date.now();
  if (process.argv[2] === "demo") { console.log(await loadDemoData(db, new Date())); console.log("demo", Date.now() - t); }
} catch (e) { console.error(e); }
await db.destroy();
console.log(url);
