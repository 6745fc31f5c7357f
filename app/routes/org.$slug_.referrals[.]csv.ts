import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvRow } from "~/domain/intake/csv-safety";
import { audit } from "~/models/audit.server";
import { REFERRAL_STATUSES } from "~/domain/intake/referral-messages";
import { listReferrals } from "~/models/referral.server";
import { requireOrganisationPermission } from "~/utils/auth.server";

/** The organisation's referrals as CSV (formula-injection safe), streamed page by page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, organisation } = await requireOrganisationPermission(request, params.slug, "referral.view", "ngo");
  const status = REFERRAL_STATUSES.find((s) => s === new URL(request.url).searchParams.get("status"));
  await audit({ action: "referral.export", outcome: "success", actorUserId: user.userId, organisationId: organisation.id });
  const encoder = new TextEncoder();
  let cursor: string | null | undefined;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        // BOM so spreadsheet programs read UTF-8 (Cyrillic, Arabic) correctly.
        controller.enqueue(encoder.encode("\uFEFF" + csvRow(["referralId", "externalId", "givenName", "familyName", "status", "stage", "createdAt", "updatedAt"])));
        return;
      }
      if (cursor === null) return controller.close();
      const page = await listReferrals({ organisationId: organisation.id, status, cursor, take: 500 });
      controller.enqueue(
        encoder.encode(
          page.items
            .map((r) => csvRow([r.id, r.externalId, r.givenName, r.familyName, r.status, r.stage, r.createdAt.toISOString(), r.updatedAt.toISOString()]))
            .join(""),
        ),
      );
      cursor = page.nextCursor;
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="referrals-${organisation.slug}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
