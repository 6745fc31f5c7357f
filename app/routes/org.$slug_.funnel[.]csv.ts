import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvRow } from "~/domain/intake/csv-safety";
import { i18next } from "~/i18n/i18next.server";
import { FUNNEL_CSV_COLUMNS, funnelCsvRows, programFunnel } from "~/models/funnel.server";
import { requireOrganisationPermission } from "~/utils/auth.server";

/** An NGO's slice of the funnel as CSV. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisationPermission(request, params.slug, "funnel.view_own", "ngo");
  const rows = funnelCsvRows(await programFunnel(organisation.id, await i18next.getLocale(request)));
  return new Response("\uFEFF" + csvRow([...FUNNEL_CSV_COLUMNS]) + rows.map((row) => csvRow(row)).join(""), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="funnel-${organisation.slug}.csv"`, "Cache-Control": "no-store" },
  });
}
