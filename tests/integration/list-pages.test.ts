import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, request, signIn, startTestServer, type TestServer } from "./support/test-server";

/*
 * A list's page past its end (an old bookmark, a shortened list) says there
 * is nothing there and links to the first page; it does not claim to be
 * "page 99 of 1".
 */

let server: TestServer;
let recruiter: string;
let interviewer: string;

beforeAll(async () => {
  server = await startTestServer();
  recruiter = await signIn(server.baseURL, DEMO.recruiter);
  interviewer = await signIn(server.baseURL, DEMO.interviewer1);
});

afterAll(async () => {
  await server?.close();
});

async function page(path: string, cookie: string): Promise<string> {
  const response = await request(server.baseURL, path, { cookie });
  expect(response.status, path).toBe(200);
  return response.text();
}

describe("a list page past the end", () => {
  for (const [path, who, firstPage] of [
    ["/roles/mlops-engineer/candidates?page=99", "recruiter", 'href="/roles/mlops-engineer/candidates"'],
    ["/assessments?page=99", "interviewer", 'href="/assessments"'],
  ] as const) {
    it(`${path} says the page is empty and links to the first`, async () => {
      const html = await page(path, who === "recruiter" ? recruiter : interviewer);
      expect(html).toContain("There is nothing on this page.");
      expect(html).toMatch(new RegExp(`<a[^>]*${firstPage.replace(/[?.]/g, "\\$&")}[^>]*>Go to the first page</a>`));
      expect(html).not.toMatch(/Page 99 of/);
      expect(html).not.toContain("No assessment yet.");
    });
  }

  it("the first page still shows the list and its pagination", async () => {
    const html = await page("/roles/mlops-engineer/candidates", recruiter);
    expect(html).toMatch(/Page 1 of \d+/);
    expect(html).not.toContain("There is nothing on this page.");
  });
});
