import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18next } from "~/i18n/i18next.server";
import { funnelCsvResponse, programFunnel } from "~/models/funnel.server";
import { requirePermission } from "~/utils/auth.server";

/** The program funnel as CSV: the whole program and every group. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "funnel.view");
  return funnelCsvResponse(await programFunnel(null, await i18next.getLocale(request)), "funnel.csv");
}
