import type { AppLoadContext } from "@remix-run/node";
import * as ReactDomServer from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { traitRadarSvg } from "../../app/components/charts/chart-svg.server";
import { action } from "../../app/routes/candidates.$id";
import { parseEnv } from "../../app/utils/env.server";
import { DEMO, signIn, startTestServer, type TestServer } from "./support/test-server";

/*
 * The charts' cache (chart-svg.server.tsx) holds drawings of candidates'
 * scores: a candidate's erasure forgets them. The route's action runs here, in
 * this process, so that the cache it clears is the one this test reads.
 */

vi.mock("react-dom/server", async (importOriginal) => {
  const actual = await importOriginal<typeof ReactDomServer>();
  return { ...actual, renderToStaticMarkup: vi.fn(actual.renderToStaticMarkup) };
});

const draws = vi.mocked(ReactDomServer.renderToStaticMarkup);

let server: TestServer;
let recruiter: string;

beforeAll(async () => {
  server = await startTestServer();
  recruiter = await signIn(server.baseURL, DEMO.recruiter);
});

afterAll(async () => {
  await server?.close();
});

/** The candidate page's action, posted the form `fields` as the recruiter. */
async function postToCandidate(id: number, fields: Record<string, string>): Promise<unknown> {
  const context: AppLoadContext = {
    db: server.db,
    env: parseEnv({ DATABASE_PATH: ":memory:" }),
    cspNonce: "",
    clientAddress: "127.0.0.1",
    chartDrawings: null,
    clientGone: new AbortController().signal,
    mail: { on: false, appUrl: server.baseURL, nudge: () => undefined },
  };
  const request = new Request(new URL(`/candidates/${id}`, server.baseURL), {
    method: "POST",
    headers: { Cookie: recruiter, Origin: server.baseURL },
    body: new URLSearchParams(fields),
  });
  return action({ request, params: { id: String(id) }, context });
}

/** How often the radar of `scores` is drawn when asked for now (0: it came from the cache). */
function drawingsOfRadar(scores: Record<string, number>): number {
  draws.mockClear();
  traitRadarSvg({ label: "Comparison", band: null, series: [scores] }, "en");
  return draws.mock.calls.length;
}

describe("a candidate's erasure and the charts' cache", () => {
  it("forgets every drawing when a candidate is erased, and none when the erasure is only asked about", async () => {
    const candidate = await server.db
      .selectFrom("candidates")
      .select("id")
      .where("name", "=", "Grace Demo-Hopper")
      .executeTakeFirstOrThrow();
    const scores = { openness: 71, conscientiousness: 64 };
    drawingsOfRadar(scores);
    expect(drawingsOfRadar(scores)).toBe(0);

    // Without confirm=1 the page asks first: nothing is erased, nothing forgotten.
    await postToCandidate(candidate.id, { intent: "erase" });
    expect(drawingsOfRadar(scores)).toBe(0);

    const erased = await postToCandidate(candidate.id, { intent: "erase", confirm: "1" });
    expect(erased).toBeInstanceOf(Response);
    expect((erased as Response).status).toBe(303);
    await expect(
      server.db.selectFrom("candidates").select("id").where("id", "=", candidate.id).executeTakeFirst(),
    ).resolves.toBeUndefined();
    expect(drawingsOfRadar(scores)).toBe(2); // the wide and the narrow drawing, made again
  });
});
