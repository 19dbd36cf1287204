import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { notFound, requireUser } from "~/http/auth.server";
import { readFormData } from "~/http/forms.server";
import { setFollowing } from "~/models/follows.server";
import { findProfileTarget } from "~/models/profile-versions.server";

const followForm = z.object({
  kind: z.enum(["role", "skill"]),
  slug: z.string().min(1),
  follow: z.enum(["1", "0"]),
  back: z.literal("proposals").optional(),
});

/** A member follows (follow=1) or unfollows (0) a role or skill profile, then goes back where they clicked. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const parsed = followForm.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) throw new Response("Send kind (role or skill), slug and follow (1 or 0).", { status: 400 });
  const { kind, slug, follow, back } = parsed.data;
  const target = await findProfileTarget(context.db, kind, slug);
  if (!target) throw notFound();
  await setFollowing(context.db, { userId: user.id, target, follow: follow === "1" }, new Date());
  return redirect(back === "proposals" ? "/proposals" : `/${kind}s/${target.slug}`, 303);
}

/** Following changes state, so only POST does it. */
export function loader() {
  return redirect("/proposals", 303);
}
