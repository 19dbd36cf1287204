import readline from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { z } from "zod";
import { databaseTarget, describeTarget, openDatabase } from "~db/connection";
import { migrateToLatest } from "~db/migrator";
import { createAccount, emailInUse } from "../models/users.server";
import { USER_ROLES } from "../domain/accounts";
import { emailSchema } from "../schemas/auth";
import en from "../locales/en";
import { parseEnv } from "../utils/env.server";
import { hashPassword } from "../utils/password.server";
import { serverNewPasswordSchema } from "../utils/password-policy.server";

/*
 * Creates an account from the command line: the first recruiter of a real
 * deployment (TRAITKIT_DEMO=0), whom nobody can invite.
 *   npm run user:create -- --email ana@example.com --role recruiter [--name "Ana Pérez"]
 * The password is asked for without echo (or read from standard input when piped).
 */

const argsSchema = z.object({
  email: emailSchema,
  role: z.enum(USER_ROLES, { error: "--role must be recruiter or interviewer" }),
  name: z.string().trim().min(1).max(120).optional(),
});

function message(key: string): string {
  const short = key.startsWith("validation.") ? key.slice("validation.".length) : key;
  const text = Object.hasOwn(en.validation, short) ? en.validation[short as keyof typeof en.validation] : key;
  return text.replace("{{min}}", "12").replace("{{max}}", "256");
}

async function askPassword(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stdout.write(chunk);
      callback();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      if (process.stdin.isTTY) process.stdout.write("\n");
      resolve(answer);
    });
    muted = process.stdin.isTTY;
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
    strict: true,
  });
  const args = argsSchema.safeParse(values);
  if (!args.success) {
    for (const issue of args.error.issues) console.error(`--${issue.path.join(".")}: ${message(issue.message)}`);
    console.error("Usage: npm run user:create -- --email <email> --role recruiter|interviewer [--name <name>]");
    return 2;
  }
  const env = parseEnv(process.env);
  // The database the server uses: DATABASE_URL's PostgreSQL when set, else the SQLite file.
  const target = databaseTarget(env);
  const db = await openDatabase(target);
  try {
    await migrateToLatest(db);
    if (await emailInUse(db, args.data.email)) {
      console.error(`An account with the email ${args.data.email} already exists.`);
      return 1;
    }
    const password = await askPassword("Password (at least 12 characters): ");
    const checked = serverNewPasswordSchema.safeParse(password);
    if (!checked.success) {
      console.error(message(checked.error.issues[0]?.message ?? "validation.passwordRequired"));
      return 1;
    }
    const passwordHash = await hashPassword(checked.data);
    const now = new Date();
    const name = args.data.name ?? args.data.email.split("@")[0] ?? args.data.email;
    const userId = await createAccount(db, { email: args.data.email, name, role: args.data.role, passwordHash }, now);
    console.log(`Created ${args.data.role} #${userId} (${args.data.email}) in ${describeTarget(target)}.`);
    return 0;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main();
