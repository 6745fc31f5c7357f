import { statusListCredential } from "~/models/badges.server";
import { CREDENTIAL_MEDIA_TYPE } from "~/utils/badge-keys.server";

/** The revocation list (W3C Bitstring Status List), signed, current at every request. */
export async function loader() {
  return new Response(await statusListCredential(), {
    headers: { "Content-Type": CREDENTIAL_MEDIA_TYPE, "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache" },
  });
}
