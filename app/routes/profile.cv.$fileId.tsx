import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/models/audit.server";
import { findStoredFile } from "~/models/profile.server";
import { downloadResponse } from "~/services/file-storage.server";
import { requireUser } from "~/utils/auth.server";

/**
 * Downloads a stored CV. Only its owner may, for now; coaches, employers and the referring NGO
 * will get it through the consent rules (mayAccessProfile) when those views exist. Always an
 * attachment with the type Harbor checked at upload and nosniff, so a browser never renders it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = params.fileId ? await findStoredFile(params.fileId) : null;
  if (!file || file.purpose !== "cv") throw new Response("Not found", { status: 404 });
  if (file.ownerUserId !== user.userId) {
    await audit({
      action: "file.download",
      outcome: "denied",
      actorUserId: user.userId,
      targetType: "stored_file",
      targetId: file.id,
      detail: { reason: "not_owner" },
    });
    throw new Response("Forbidden", { status: 403 });
  }
  return downloadResponse(file);
}
