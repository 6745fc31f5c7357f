import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvRow } from "~/domain/intake/csv-safety";
import { i18next } from "~/i18n/i18next.server";
import { audit } from "~/models/audit.server";
import { SLATE_CSV_COLUMNS, slateExportRows } from "~/models/slates.server";
import { requireOrganisationPermission } from "~/utils/auth.server";

/** A slate as CSV for the employer's spreadsheet or applicant tracking system (formula-injection safe). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, organisation } = await requireOrganisationPermission(request, params.slug, "role.manage", "employer");
  const rows = await slateExportRows(organisation.id, params.slateId ?? "", await i18next.getLocale(request));
  if (!rows) throw new Response("Not found", { status: 404 });
  await audit({ action: "slate.export", outcome: "success", actorUserId: user.userId, organisationId: organisation.id, targetType: "slate", targetId: params.slateId });
  // BOM so spreadsheet programs read UTF-8 (Cyrillic, Arabic) correctly.
  const body = "\uFEFF" + csvRow([...SLATE_CSV_COLUMNS]) + rows.map((row) => csvRow(SLATE_CSV_COLUMNS.map((column) => row[column]))).join("");
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="slate-${params.slateId}.csv"`, "Cache-Control": "no-store" },
  });
}
