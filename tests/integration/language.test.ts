import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { languageCookie } from "../../app/utils/i18n.server";
import { DEMO, request, signIn, startTestServer, type TestServer } from "./support/test-server";

/*
 * The language menu posts the page's path alone (decision 0009: no query
 * string repeated in a compressed page); the switch returns to that path, with
 * the query string of a Referer from this site on the same path, and never
 * leaves the site.
 */

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer();
  cookie = await signIn(server.baseURL, DEMO.recruiter);
});

afterAll(async () => {
  await server?.close();
});

async function switchTo(redirectTo: string, headers: Record<string, string> = {}): Promise<Response> {
  const response = await request(server.baseURL, "/language", { cookie, form: { lng: "es", redirectTo }, headers });
  await response.body?.cancel();
  return response;
}

describe("the language switch", () => {
  it("is posted with the page's path alone: the menu does not repeat the query string", async () => {
    const response = await request(server.baseURL, "/roles?probe=reflected-guess", { cookie });
    const html = await response.text();
    const menu = /<form[^>]*action="\/language".*?<\/form>/s.exec(html)?.[0];
    expect(menu).toContain('name="redirectTo" value="/roles"');
    expect(menu).not.toContain("reflected-guess");
  });

  it("returns to the posted path and sets the language", async () => {
    const response = await switchTo("/roles/mlops-engineer/candidates");
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/roles/mlops-engineer/candidates");
    await expect(languageCookie.parse(response.headers.get("Set-Cookie"))).resolves.toBe("es");
  });

  it("keeps the query string of a Referer from this site on the same path", async () => {
    const response = await switchTo("/roles/mlops-engineer/candidates", {
      Referer: `${server.baseURL}/roles/mlops-engineer/candidates?decision=hold&minCoverage=50&page=2`,
    });
    expect(response.headers.get("Location")).toBe("/roles/mlops-engineer/candidates?decision=hold&minCoverage=50&page=2");
  });

  it("ignores a Referer on another path, from another site, or that is no address", async () => {
    const path = "/candidates";
    for (const referer of [
      `${server.baseURL}/roles?q=other`,
      "https://evil.example/candidates?q=x",
      `${server.baseURL.replace("http:", "https:")}/candidates?q=x`,
      "not an address",
    ]) {
      const response = await switchTo(path, { Referer: referer });
      expect(response.headers.get("Location"), referer).toBe(path);
    }
  });

  it("never sends the reader off the site, whatever the form or the Referer say", async () => {
    for (const redirectTo of ["//evil.com", "https://evil.com", "/\\evil.com", "javascript:alert(1)", "/a\r\nX: y"]) {
      const response = await switchTo(redirectTo);
      expect(response.status, redirectTo).toBe(303);
      expect(response.headers.get("Location"), redirectTo).toBe("/roles");
    }
    // A Referer whose path begins with two slashes would make a protocol-relative Location.
    const response = await switchTo("//evil.com/x", { Referer: `${server.baseURL}//evil.com/x?q=1` });
    expect(response.headers.get("Location")).toBe("/roles");
  });

  it("takes Chinese: the pages come in zh-CN from then on, and the member's e-mail follows", async () => {
    const reader = await signIn(server.baseURL, DEMO.interviewer3);
    const response = await request(server.baseURL, "/language", { cookie: reader, form: { lng: "zh-CN", redirectTo: "/roles" } });
    expect(response.status).toBe(303);
    const chosen = response.headers.get("Set-Cookie")?.split(";")[0] ?? "";
    await expect(languageCookie.parse(chosen)).resolves.toBe("zh-CN");
    const page = await (await request(server.baseURL, "/roles", { cookie: `${reader}; ${chosen}` })).text();
    expect(page).toContain('<html lang="zh-CN"');
    expect(page).toContain("<h1>角色库</h1>");
    const user = await server.db.selectFrom("users").select("language").where("email", "=", DEMO.interviewer3).executeTakeFirstOrThrow();
    expect(user.language).toBe("zh-CN");
  });

  it("refuses an unknown language with a 400 and sets nothing", async () => {
    const response = await request(server.baseURL, "/language", { cookie, form: { lng: "fr", redirectTo: "/roles" } });
    expect(response.status).toBe(400);
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });
});
