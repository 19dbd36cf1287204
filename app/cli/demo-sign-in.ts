import { DEMO_PASSWORD } from "../../seeds/demo-accounts";

/** Posts the login form as the page does, as a demo account, and answers the session cookie (the bench and Lighthouse sign in so). */
export async function signInAsDemo(baseURL: string, email: string): Promise<string> {
  const response = await fetch(new URL("/login", baseURL), {
    method: "POST",
    headers: { Origin: baseURL, "Accept-Language": "en" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  await response.body?.cancel();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    if (pair?.startsWith("traitkit_session=")) return pair;
  }
  throw new Error(`Sign-in as ${email} failed: ${response.status}`);
}
