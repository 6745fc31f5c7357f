import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Notice } from "~/components/form";
import { SmallButton } from "~/components/page-parts";
import { PLACEMENT_STATUS_KEYS } from "~/domain/placements/offers";
import { listUndelivered, replayEntry } from "~/models/outbox.server";
import { listPlacements } from "~/models/placements.server";
import { requirePermission } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { titled } from "~/utils/route-handle";

export const handle = titled("placements:admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "placement.manage");
  const [placements, undelivered] = await Promise.all([listPlacements(), listUndelivered()]);
  return { placements, undelivered, sandbox: !env().MARKETPLACE_URL };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "placement.manage");
  const parsed = z.object({ intent: z.literal("replay"), entryId: z.string().min(1).max(100) }).safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success || !(await replayEntry(user.userId, parsed.data.entryId))) return data({ error: "placements:admin.not_replayable" }, { status: 409 });
  return redirect("/admin/placements", 303);
}

export default function AdminPlacements() {
  const { t, i18n } = useTranslation();
  const { placements, undelivered, sandbox } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("placements:admin.title")}</h1>
      {sandbox ? (
        <Notice>
          {t("placements:admin.sandbox_note")}{" "}
          <Link to="/sandbox/marketplace" className="underline">
            {t("placements:sandbox.title")}
          </Link>
        </Notice>
      ) : null}
      {actionData?.error ? <Notice tone="error">{t(actionData.error)}</Notice> : null}

      <section aria-labelledby="handoffs-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="handoffs-heading" className="mb-2 text-lg font-semibold">
          {t("placements:admin.handoffs")}
        </h2>
        {undelivered.length === 0 ? <p>{t("placements:admin.all_delivered")}</p> : null}
        <ul className="divide-y divide-slate-100">
          {undelivered.map((entry) => (
            <li key={entry.id} className="py-2">
              <p>
                {entry.kind === "email" ? t("placements:admin.kind_email") : t("placements:admin.kind_placement")} ·{" "}
                <span dir="ltr" className="font-mono text-sm">
                  {entry.idempotencyKey}
                </span>{" "}
                · {entry.status === "dead" ? t("placements:admin.dead") : t("placements:admin.pending", { count: entry.attempts })} · {format.format(new Date(entry.createdAt))}
              </p>
              {entry.lastError ? (
                <p className="text-sm text-red-800" dir="ltr">
                  {entry.lastError}
                </p>
              ) : null}
              {entry.status === "dead" ? (
                <Form method="post" className="mt-1">
                  <input type="hidden" name="entryId" value={entry.id} />
                  <SmallButton value="replay">{t("placements:admin.replay")}</SmallButton>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="placements-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="placements-heading" className="mb-2 text-lg font-semibold">
          {t("placements:admin.placements")}
        </h2>
        {placements.length === 0 ? <p>{t("placements:admin.none")}</p> : null}
        <ul className="divide-y divide-slate-100">
          {placements.map((placement) => (
            <li key={placement.id} className="py-2">
              <bdi>{placement.offer.entry.slate.role.organisation.name}</bdi> · <bdi>{placement.offer.entry.slate.role.title}</bdi> · <span dir="ltr">{placement.offer.entry.reference}</span> ·{" "}
              <strong>{t(PLACEMENT_STATUS_KEYS[placement.status] ?? "placements:status.handoff_pending")}</strong> · {format.format(new Date(placement.createdAt))}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
