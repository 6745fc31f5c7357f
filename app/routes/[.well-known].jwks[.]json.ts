import { badgeKeys } from "~/utils/badge-keys.server";

/** The public keys that verify Harbor's badges: the current one and every retired one (by kid). */
export function loader() {
  return new Response(JSON.stringify(badgeKeys().publicJwks()), {
    headers: { "Content-Type": "application/jwk-set+json", "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=3600" },
  });
}
