import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18next } from "~/i18n/i18next.server";
import { audit } from "~/models/audit.server";
import { exportPersonData } from "~/models/profile.server";
import { requirePermission } from "~/utils/auth.server";

/**
 * Everything Harbor holds about the signed-in candidate, as a JSON download. A GET is enough:
 * it only reads the person's own data, after the same authorisation as the profile.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidate.self");
  const locale = await i18next.getLocale(request);
  const body = JSON.stringify(await exportPersonData(user.userId, locale), null, 2);
  await audit({ action: "profile.exported", outcome: "success", actorUserId: user.userId, targetType: "user", targetId: user.userId });
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="harbor-export.json"',
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
