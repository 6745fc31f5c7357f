import type { LoaderFunctionArgs } from "@remix-run/node";
import { isSupportedLanguage } from "~/i18n/config";
import { authenticateApiToken } from "~/models/api-token.server";
import { audit } from "~/models/audit.server";
import { viewSlate } from "~/models/slates.server";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * A slate as JSON for an employer's applicant tracking system, with the employer's bearer token:
 * exactly the entries the slate page shows (anonymous until an introduction is accepted). Skill and
 * badge names come in `?lang=` (default English).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const caller = await authenticateApiToken(request.headers.get("Authorization"), "employer");
  if (!caller) {
    await audit({ action: "api.denied", outcome: "denied", detail: { path: "/api/v1/slates" } });
    return json({ error: "unauthorized" }, 401);
  }
  const lang = new URL(request.url).searchParams.get("lang");
  const slate = await viewSlate(caller.organisationId, params.slateId ?? "", isSupportedLanguage(lang) ? lang : "en");
  if (!slate) return json({ error: "not_found" }, 404);
  return json({ slate });
}
