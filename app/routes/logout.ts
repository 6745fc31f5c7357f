import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { audit } from "~/models/audit.server";
import { destroySession, findSessionUser } from "~/models/session.server";

export async function loader() {
  // Signing out changes state, so it is a POST; a GET just goes home.
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await findSessionUser(request);
  const cookie = await destroySession(request);
  if (user) await audit({ action: "auth.sign_out", outcome: "success", actorUserId: user.userId });
  throw redirect("/", { headers: { "Set-Cookie": cookie } });
}
