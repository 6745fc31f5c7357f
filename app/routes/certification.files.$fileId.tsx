import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/models/audit.server";
import { mayReadEvidence } from "~/models/badges.server";
import { findStoredFile } from "~/models/profile.server";
import { downloadResponse } from "~/services/file-storage.server";
import { requireUser } from "~/utils/auth.server";

/** An evidence file: for its owner and whoever may review the request it belongs to. Always an attachment. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = params.fileId ? await findStoredFile(params.fileId) : null;
  if (!file || file.purpose !== "evidence") throw new Response("Not found", { status: 404 });
  if (!(await mayReadEvidence(user, file.id))) {
    await audit({ action: "file.download", outcome: "denied", actorUserId: user.userId, targetType: "stored_file", targetId: file.id, detail: { reason: "not_reviewer" } });
    throw new Response("Forbidden", { status: 403 });
  }
  return downloadResponse(file);
}
