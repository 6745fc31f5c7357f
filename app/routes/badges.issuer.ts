import { VC_V2_CONTEXT, OB_V3_CONTEXT } from "~/domain/badges/credential";
import { ISSUER_NAME, badgeUrls } from "~/models/badges.server";
import { env } from "~/utils/env.server";

/** The issuer's Open Badges Profile; the keys that sign its badges are at /.well-known/jwks.json. */
export function loader() {
  const base = env().APP_URL;
  const profile = {
    "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: badgeUrls().issuer,
    type: ["Profile"],
    name: ISSUER_NAME,
    url: base,
    description: "Issues Harbor's skill badges as Open Badges 3.0 credentials (VC-JWT, EdDSA). Verification keys: /.well-known/jwks.json",
  };
  return new Response(JSON.stringify(profile, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=3600", Link: `<${base}/.well-known/jwks.json>; rel="jwks"` },
  });
}
