import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedLarge } from "../../seeds/large";
import { DEMO, signIn, startTestServer, type TestServer } from "./support/test-server";

/*
 * Remix reads a response's stream to its end whether or not the client is
 * still there: the CSV stops reading the ranking itself when its client has
 * gone. Through the real server, as a browser's download does it, with the
 * garbage collector run while the download is abandoned: the loader's
 * request.signal (a copy of a copy of the adapter's request, each following
 * the one before by a weak reference) stopped aborting once a middle copy was
 * collected, and most abandoned downloads went on to the end.
 */

const SLUG = "mlops-engineer";

// The test's own handle on V8's collector (node has it behind --expose-gc).
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

let dir: string;
let server: TestServer;
let recruiter: string;
/** Batches of the ranking read so far: the CSV's keyset queries on assessment_results. */
let batchesRead = 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "traitkit-csv-abandoned-"));
  const database = path.join(dir, "large.sqlite");
  // Enough candidates for the role's ranking to take several batches of 500 rows.
  await seedLarge({ candidates: 2500, database, seed: 3 }, () => {});
  server = await startTestServer({
    database,
    onQuery: (sql) => {
      if (sql.includes('from "assessment_results" as "r"') && sql.includes(" limit ") && !sql.includes(" offset ")) batchesRead += 1;
    },
  });
  recruiter = await signIn(server.baseURL, DEMO.recruiter);
}, 120_000);

afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Downloads the whole CSV, or goes away once its first bytes are in; resolves with the batches the server read for it. */
async function download(abandon: boolean): Promise<number> {
  const before = batchesRead;
  await new Promise<void>((resolve, reject) => {
    const request = http.get(
      new URL(`/roles/${SLUG}/ranking.csv?complete=0`, server.baseURL),
      { headers: { Cookie: recruiter } },
      (response) => {
        expect(response.statusCode).toBe(200);
        response.on("data", () => {
          if (!abandon) return;
          request.destroy();
          resolve();
        });
        response.on("end", () => resolve());
      },
    );
    request.on("error", (error) => (abandon ? resolve() : reject(error)));
  });
  if (abandon) {
    // What a busy server does sooner or later: collect the request's copies while the download is being made.
    for (let i = 0; i < 5; i++) {
      collectGarbage();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  // Let whatever is still being made finish: the count stops moving.
  let seen = -1;
  while (seen !== batchesRead) {
    seen = batchesRead;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return batchesRead - before;
}

describe("the ranking's CSV when its client goes away", () => {
  it("stops reading the ranking instead of making the rest of the file for nobody, however the garbage collector ran", async () => {
    const whole = await download(false);
    // More batches than the few an abandoned download may have asked for before it was seen to go.
    expect(whole).toBeGreaterThan(4);
    for (let i = 0; i < 4; i++) expect(await download(true)).toBeLessThanOrEqual(3);
  });
});
