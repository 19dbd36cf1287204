import path from "node:path";
import { seedLarge, type SeedLargeOptions } from "../../seeds/large";

/* npm run seed:large -- --candidates 10000 --database <file> [--seed N]: see seeds/large.ts. */

function parseArgs(argv: readonly string[]): SeedLargeOptions {
  let candidates: number | undefined;
  let database: string | undefined;
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === "--candidates" && value !== undefined) {
      candidates = Number(value);
      i++;
    } else if (arg === "--database" && value !== undefined) {
      database = value;
      i++;
    } else if (arg === "--seed" && value !== undefined) {
      seed = Number(value);
      i++;
    } else {
      throw new Error(`Unknown or incomplete argument: ${String(arg)}`);
    }
  }
  if (candidates === undefined || !Number.isInteger(candidates) || candidates < 0)
    throw new Error("--candidates <non-negative integer> is required");
  if (database === undefined || database === "") throw new Error("--database <file> is required");
  if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");
  return { candidates, database, seed };
}

async function main(): Promise<void> {
  let options: SeedLargeOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error("Usage: npm run seed:large -- --candidates 10000 --database <file> [--seed N]");
    process.exit(2);
  }
  const result = await seedLarge(options);
  console.log(
    `Seeded ${options.database}: ${result.candidates} candidates, ${result.assessments} assessments, ${result.scorecards} scorecards, ` +
      `${result.decisions} decisions, ${result.reportLinks} report links in ${result.seconds.toFixed(1)} s`,
  );
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && path.resolve(invokedPath) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
