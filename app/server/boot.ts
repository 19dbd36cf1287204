import { databaseTarget, describeTarget, openDatabase, type TraitkitDb } from "~db/connection";
import { migrateToLatest } from "~db/migrator";
import { loadDemoData } from "../../seeds/demo";
import { libraryData } from "../../seeds/library";
import { syncLibrary, type LibrarySync } from "../models/library.server";
import { recordUnversionedProfiles } from "../models/profile-versions.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../seeds/demo-accounts";
import { mailIsOn, parseEnv, type Env } from "../utils/env.server";
import { createHttpApp, type BuildSource } from "./http-app";
import { startMailWorker, type MailWorker } from "./mail-worker";

export type Booted = { env: Env; db: TraitkitDb; close: () => Promise<void> };

/** Reads the configuration or exits with a message naming every bad value. */
export function readEnvOrExit(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

/**
 * Opens the database, brings its schema up to date, brings the Traitkit
 * library up to date (unless TRAITKIT_LIBRARY=0) and, for a demo, loads the demo data.
 */
export async function bootDatabase(env: Env): Promise<Booted & { demoLoaded: boolean; library: LibrarySync | null }> {
  const db = await openDatabase(databaseTarget(env));
  await migrateToLatest(db);
  const now = new Date();
  const library = env.TRAITKIT_LIBRARY ? await syncLibrary(db, libraryData(), now) : null;
  const demo = env.TRAITKIT_DEMO ? await loadDemoData(db, now) : { loaded: false };
  await recordUnversionedProfiles(db, now);
  return { env, db, demoLoaded: demo.loaded, library, close: () => db.destroy() };
}

function librarySummary(library: LibrarySync | null): string {
  if (library === null) return "Traitkit library: not loaded (TRAITKIT_LIBRARY=0)";
  const { rolesAdded, rolesUpdated, skillsAdded } = library;
  if (rolesAdded + rolesUpdated + skillsAdded === 0) return "Traitkit library: up to date";
  return `Traitkit library: ${rolesAdded} roles and ${skillsAdded} skill profiles added, ${rolesUpdated} roles updated`;
}

/** The outbox's sender, when e-mail is set up. */
export function startMailIfSetUp(booted: Pick<Booted, "db" | "env">): MailWorker | null {
  return mailIsOn(booted.env) ? startMailWorker(booted.db, booted.env) : null;
}

function mailSummary(env: Env): string {
  return mailIsOn(env)
    ? `E-mail: sent through ${new URL(env.SMTP_URL).host} from ${env.MAIL_FROM}`
    : "E-mail: off (set SMTP_URL and MAIL_FROM to send it; until then, links are copied by hand)";
}

export async function serve(env: Env, source: BuildSource): Promise<void> {
  const booted = await bootDatabase(env);
  const mailWorker = startMailIfSetUp(booted);
  const app = await createHttpApp({ db: booted.db, env, source, mailWorker });
  const server = app.listen(env.PORT, env.HOST, () => {
    const shownHost = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
    const lines = [
      `Traitkit is running at http://${shownHost}:${env.PORT}`,
      `Database: ${describeTarget(databaseTarget(env))}${booted.demoLoaded ? " (demo data loaded)" : ""}`,
      librarySummary(booted.library),
      mailSummary(env),
    ];
    if (env.TRAITKIT_DEMO) {
      lines.push(`Demo sign-ins (password "${DEMO_PASSWORD}"):`, ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(11)} ${a.email}`));
    }
    console.log(lines.join("\n"));
  });
  const stop = () => {
    server.close(() => {
      void (mailWorker?.stop() ?? Promise.resolve()).then(() => booted.close()).then(() => process.exit(0));
    });
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
