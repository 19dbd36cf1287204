import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader } from "../../app/routes/roles.$slug_.ranking[.]csv";
import { parseEnv } from "../../app/utils/env.server";
import { seedLarge } from "../../seeds/large";
import { DEMO, signIn, startTestServer, type TestServer } from "./support/test-server";

/*
 * Remix reads a response's stream to its end whether or not the client is
 * still there: the CSV stops reading the ranking itself when the request's
 * signal says the connection closed. The route's loader runs here, in this
 * process, so that the test holds the signal and reads the stream.
 */

const SLUG = "mlops-engineer";

let dir: string;
let server: TestServer;
let recruiter: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-csv-abandoned-"));
  const database = path.join(dir, "large.sqlite");
  // Enough candidates for the role's ranking to take several batches of 500 rows.
  await seedLarge({ candidates: 2500, database, seed: 3 }, () => {});
  server = await startTestServer({ database });
  recruiter = await signIn(server.baseURL, DEMO.recruiter);
}, 120_000);

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The CSV's lines read from the route's stream; `abandonAfterFirst` aborts the request once the first chunk is in. */
async function csvLines(abandonAfterFirst: boolean): Promise<number> {
  const connection = new AbortController();
  const context: AppLoadContext = {
    db: server.db,
    env: parseEnv({ DATABASE_PATH: ":memory:" }),
    cspNonce: "",
    clientAddress: "127.0.0.1",
    chartDrawings: null,
  };
  const request = new Request(new URL(`/roles/${SLUG}/ranking.csv?complete=0`, server.baseURL), {
    headers: { Cookie: recruiter },
    signal: connection.signal,
  });
  const response = (await loader({ request, params: { slug: SLUG }, context })) as Response;
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    text += decoder.decode(chunk.value, { stream: true });
    if (abandonAfterFirst) connection.abort();
  }
  return text.split("\n").filter((line) => line !== "").length;
}

describe("the ranking's CSV when its client goes away", () => {
  it("stops reading the ranking instead of making the rest of the file for nobody", async () => {
    const whole = await csvLines(false);
    // Header and more rows than three batches hold: an abandoned download would have more left to make.
    expect(whole).toBeGreaterThan(1 + 3 * 500);
    const abandoned = await csvLines(true);
    // The first batch, and at most the one the stream had asked for before the abort.
    expect(abandoned).toBeGreaterThan(1);
    expect(abandoned).toBeLessThanOrEqual(1 + 2 * 500);
  });
});
