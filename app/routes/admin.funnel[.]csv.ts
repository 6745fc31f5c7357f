import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvRow } from "~/domain/intake/csv-safety";
import { i18next } from "~/i18n/i18next.server";
import { FUNNEL_CSV_COLUMNS, funnelCsvRows, programFunnel } from "~/models/funnel.server";
import { requirePermission } from "~/utils/auth.server";

/** The program funnel as CSV (formula-injection safe): the whole program and every group. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "funnel.view");
  const rows = funnelCsvRows(await programFunnel(null, await i18next.getLocale(request)));
  return new Response("\uFEFF" + csvRow([...FUNNEL_CSV_COLUMNS]) + rows.map((row) => csvRow(row)).join(""), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="funnel.csv"', "Cache-Control": "no-store" },
  });
}
