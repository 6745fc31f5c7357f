import type { LoaderFunctionArgs } from "@remix-run/node";
import { awardCredential, badgeUrls } from "~/models/badges.server";
import { CREDENTIAL_MEDIA_TYPE } from "~/utils/badge-keys.server";

/**
 * The signed credential, stable forever: a VC-JWT (`application/vc+jwt`) by default; asked for
 * `application/json`, the credential it secures as JSON, with a link to the signed form.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const jwt = await awardCredential(params.awardId ?? "");
  if (!jwt) throw new Response("Not found", { status: 404 });
  const accept = request.headers.get("Accept") ?? "";
  const headers = { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300", Vary: "Accept" };
  if (/application\/(json|ld\+json|vc\+ld\+json)/.test(accept) && !accept.includes(CREDENTIAL_MEDIA_TYPE)) {
    const payload = jwt.split(".")[1] ?? "";
    return new Response(Buffer.from(payload, "base64url").toString("utf8"), {
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8", Link: `<${badgeUrls().credential(params.awardId ?? "")}>; rel="alternate"; type="${CREDENTIAL_MEDIA_TYPE}"` },
    });
  }
  return new Response(jwt, { headers: { ...headers, "Content-Type": CREDENTIAL_MEDIA_TYPE } });
}
