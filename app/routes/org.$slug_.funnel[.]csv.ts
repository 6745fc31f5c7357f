import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18next } from "~/i18n/i18next.server";
import { funnelCsvResponse, programFunnel } from "~/models/funnel.server";
import { requireOrganisationPermission } from "~/utils/auth.server";

/** An NGO's slice of the funnel as CSV. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, params.slug, "funnel.view_own", "ngo");
  return funnelCsvResponse(await programFunnel(organisation.id, await i18next.getLocale(request)), `funnel-${organisation.slug}.csv`);
}
