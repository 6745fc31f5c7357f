import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Notice } from "~/components/form";
import { SmallButton } from "~/components/page-parts";
import { receiveMarketplaceEvent } from "~/models/placements.server";
import { listSandboxPlacements, sendSandboxEvent } from "~/models/sandbox-marketplace.server";
import { requirePermission } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("placements:sandbox.title");

const SANDBOX_STATUS_KEYS: Record<string, string> = {
  received: "placements:sandbox.status.received",
  started: "placements:sandbox.status.started",
  ended: "placements:sandbox.status.ended",
  cancelled: "placements:sandbox.status.cancelled",
};

/** Only on the embedded default: with a real marketplace configured, the sandbox does not exist. */
async function requireSandbox(request: Request) {
  const user = await requirePermission(request, "placement.manage");
  if (env().MARKETPLACE_URL) throw new Response("Not found", { status: 404 });
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSandbox(request);
  return { placements: await listSandboxPlacements() };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireSandbox(request);
  const parsed = z.object({ intent: z.enum(["start", "end", "cancel"]), placementId: z.string().min(1).max(100) }).safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "placements:sandbox.failed" }, { status: 400 });
  // Signed like the real marketplace's, and received by the same code as its callbacks.
  const status = await sendSandboxEvent(parsed.data.placementId, parsed.data.intent, receiveMarketplaceEvent);
  if (status >= 300) return data({ error: "placements:sandbox.failed" }, { status: status === 404 ? 404 : 502 });
  return redirect("/sandbox/marketplace", 303);
}

export default function SandboxMarketplace() {
  const { t, i18n } = useTranslation();
  const { placements } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("placements:sandbox.title")}</h1>
      <p>{t("placements:sandbox.intro")}</p>
      {actionData?.error ? <Notice tone="error">{t(actionData.error)}</Notice> : null}
      {placements.length === 0 ? <p>{t("placements:sandbox.none")}</p> : null}
      <ul className="space-y-3">
        {placements.map((placement) => (
          <li key={placement.placementId} id={`placement-${placement.placementId}`} className="rounded-lg bg-white p-4 shadow-sm">
            <p className="font-semibold">
              <bdi>{placement.freelancer}</bdi> · <bdi>{placement.employer}</bdi> · <bdi>{placement.role}</bdi>
            </p>
            <p className="text-sm text-slate-700">
              {t("placements:sandbox.received", { date: format.format(new Date(placement.receivedAt)), count: placement.deliveries })} · {placement.startDate} · <strong>{t(SANDBOX_STATUS_KEYS[placement.status] ?? "placements:sandbox.status.received")}</strong>
            </p>
            <Form method="post" className="mt-2 flex flex-wrap gap-2">
              <input type="hidden" name="placementId" value={placement.placementId} />
              {placement.status === "received" ? (
                <SmallButton value="start" tone="primary">
                  {t("placements:sandbox.start")}
                </SmallButton>
              ) : null}
              {placement.status === "started" ? <SmallButton value="end">{t("placements:sandbox.end")}</SmallButton> : null}
              {placement.status === "received" || placement.status === "started" ? (
                <SmallButton value="cancel" tone="danger">
                  {t("placements:sandbox.cancel")}
                </SmallButton>
              ) : null}
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
